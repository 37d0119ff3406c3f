import type { DataSource } from 'typeorm';
import type { Runtime } from '../runtime';
import type { ParsedArgs } from './args';
import { exportCommand, importCommand } from './programme-commands';

/** Commands that domains add to the operator CLI (import, export, ...). */
export interface CliExtension {
  name: string;
  usage: string;
  summary: string;
  run(args: ParsedArgs, db: DataSource, runtime: Runtime): Promise<void>;
}

export const CLI_EXTENSIONS: CliExtension[] = [importCommand, exportCommand];
