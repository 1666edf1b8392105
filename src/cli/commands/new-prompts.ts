import { checkbox, input, select } from '@inquirer/prompts';
import { CliError } from '../io.ts';

export interface PromptChoice {
  value: string;
  name: string;
}

/** The questions `roadbook new` asks; `validate` returns why an answer is refused, or null. */
export interface Prompter {
  input(question: { message: string; validate?: (value: string) => string | null }): Promise<string>;
  select(question: { message: string; choices: PromptChoice[]; default?: string }): Promise<string>;
  checkbox(question: { message: string; choices: PromptChoice[]; required?: boolean }): Promise<string[]>;
}

/**
 * Questions on the terminal, through @inquirer/prompts; null when stdin or stdout is not a
 * terminal (a pipeline, CI): missing values are then an error instead.
 */
export function terminalPrompter(): Prompter | null {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return null;
  return {
    input: ({ message, validate }) =>
      cancellable(input({ message, validate: validate && ((v: string) => validate(v.trim()) ?? true) })).then((v) =>
        v.trim(),
      ),
    select: (question) => cancellable(select(question)),
    checkbox: (question) => cancellable(checkbox(question)),
  };
}

/** Ctrl-C while a question is open ends the command with nothing written, not a stack trace. */
async function cancellable<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof Error && error.name === 'ExitPromptError') throw new CliError('Cancelled: nothing written', 1);
    throw error;
  }
}
