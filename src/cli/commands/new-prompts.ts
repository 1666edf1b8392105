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
  // Loaded on the first question only: the other commands never pay for it.
  const prompts = () => import('@inquirer/prompts');
  return {
    input: async ({ message, validate }) => {
      const { input } = await prompts();
      const check = validate && ((v: string) => validate(v.trim()) ?? true);
      return (await cancellable(input({ message, validate: check }))).trim();
    },
    select: async (question) => cancellable((await prompts()).select(question)),
    checkbox: async (question) => cancellable((await prompts()).checkbox(question)),
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
