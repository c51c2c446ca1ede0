import { Command, CommanderError } from 'commander';
import { JianduError } from '../shared/errors.js';
import type { GlobalOptions } from './cli-context.js';
import { registerBatchesCommand } from './commands/batches.command.js';
import { registerDatasetsCommand } from './commands/datasets.command.js';
import { registerImportCommand } from './commands/import.command.js';
import { registerKindsCommand } from './commands/kinds.command.js';
import { registerSampleCommand } from './commands/sample.command.js';
import { registerModelsCommand } from './commands/models.command.js';
import { registerRunCommand } from './commands/run.command.js';
import { registerLeadsCommand } from './commands/leads.command.js';
import { registerSynthCommand } from './commands/synth.command.js';
import { registerDemoCommand } from './commands/demo.command.js';
import { EXIT_UNEXPECTED, EXIT_USER_ERROR } from './exit-codes.js';


export function buildProgram(): Command {
  const program = new Command();
  program
    .name('jiandu')
    .description('监督 Jiandu：检察大数据法律监督平台')
    .version('0.1.0')
    .option('-w, --workspace <dir>', '工作区目录（默认 $JIANDU_HOME 或 ./jiandu-data）')
    .showHelpAfterError()
    .exitOverride();
  const global = (): GlobalOptions => program.opts<GlobalOptions>();
  registerImportCommand(program, global);
  registerKindsCommand(program);
  registerDatasetsCommand(program, global);
  registerBatchesCommand(program, global);
  registerSampleCommand(program, global);
  registerModelsCommand(program, global);
  registerRunCommand(program, global);
  registerLeadsCommand(program, global);
  registerSynthCommand(program);
  registerDemoCommand(program, global);
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  const wantsJson = argv.includes('--json');
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USER_ERROR;
    if (error instanceof JianduError) {
      process.stderr.write(`错误：${error.message}\n`);
      if (wantsJson) process.stdout.write(`${JSON.stringify({ error: { code: error.code, message: error.message } })}\n`);
      return EXIT_USER_ERROR;
    }
    process.stderr.write(`意外错误：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_UNEXPECTED;
  }
}

