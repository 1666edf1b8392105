/**
 * Reads GitHub Actions workflow commands back as the runner does: `::name k=v,k=v::message`,
 * properties split on `,` and `=`, then `%25 %0D %0A %3A %2C` decoded (the message decodes
 * `%25 %0D %0A` only). Lines that are not commands are kept as plain log lines.
 */
export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

const PROPERTY = { '%0D': '\r', '%0A': '\n', '%3A': ':', '%2C': ',', '%25': '%' } as const;
const DATA = { '%0D': '\r', '%0A': '\n', '%25': '%' } as const;

function unescape(text: string, table: Record<string, string>): string {
  return text.replace(/%(?:0D|0A|3A|2C|25)/g, (m) => table[m] ?? m);
}

export function readWorkflowCommands(log: string): { commands: WorkflowCommand[]; plain: string[] } {
  const commands: WorkflowCommand[] = [];
  const plain: string[] = [];
  for (const line of log.split('\n').filter((l) => l !== '')) {
    const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) {
      plain.push(line);
      continue;
    }
    const properties = Object.fromEntries(
      (match[2] ?? '')
        .split(',')
        .filter(Boolean)
        .map((p) => {
          const at = p.indexOf('=');
          return [p.slice(0, at), unescape(p.slice(at + 1), PROPERTY)];
        }),
    );
    commands.push({ command: match[1]!, properties, message: unescape(match[3]!, DATA) });
  }
  return { commands, plain };
}
