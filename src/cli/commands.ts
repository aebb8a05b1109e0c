/**
 * Further CLI commands, registered by the stage that owns them (extract, serve, worker...).
 * Each entry adds one command to the program.
 */
import type { Command } from 'commander';

export const extraCommands: ((program: Command) => void)[] = [];
