/**
 * Further CLI commands, registered by the stage that owns them (extract, serve, worker...).
 * Each entry adds one command to the program.
 */
import type { Command } from 'commander';
import { registerWorker } from '../worker/cli.js';
import { registerServe } from '../server/cli.js';
import { registerExtract } from './extract.js';

export const extraCommands: ((program: Command) => void)[] = [];
extraCommands.push(registerServe);
extraCommands.push(registerWorker);
extraCommands.push(registerExtract);
