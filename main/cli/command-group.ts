import type { Command } from 'commander';

/**
 * A command group that several files add to (`workspace member …` from admin-commands.ts, `workspace show` from
 * workspaces.ts): the first caller creates it, later ones extend it, whatever order program.ts registers them in.
 */
export function commandGroup(program: Command, name: string, description: string): Command {
  return program.commands.find((command) => command.name() === name) ?? program.command(name).description(description);
}
