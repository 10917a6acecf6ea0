import { readFile, writeFile } from 'node:fs/promises';
import { MotcuaError } from '@motcua/core/text';
import { type CommandOutput, readCommand } from '../cli-command.js';
import { settingsSourceLines } from './live-settings.js';
import {
  checkSettingsFile,
  exportSettings,
  importSettings,
  type SettingsFileDeps,
  StaleSettingsFileError,
  settingsProblemLines,
  settingsStatus,
} from './settings-file.js';

/** How `motcua-server settings` is used. */
export const SETTINGS_USAGE = `  motcua-server settings export [--output FILE]
                               write the office's settings in force (JSON; standard output by default)
  motcua-server settings import FILE [--expected-version N]
                               check a settings file and save it as a new version, in force at once
  motcua-server settings status
                               where the settings in force come from (the database or the configuration)`;

/** What the `settings` command needs, besides {@link SettingsFileDeps}. */
export interface SettingsCommandDeps extends SettingsFileDeps, CommandOutput {}

/**
 * Runs `motcua-server settings export|import|status` and answers the exit code: 1 with every problem of a bad file
 * (nothing saved), 1 for a stale `--expected-version`, 2 for a wrong use.
 *
 * @example
 * ```ts
 * process.exitCode = await settingsCommand(deps, ['import', 'cai-dat.json', '--expected-version', '4']);
 * ```
 */
export async function settingsCommand(deps: SettingsCommandDeps, args: readonly string[]): Promise<number> {
  const read = readCommand(
    deps,
    args,
    { output: { type: 'string' }, 'expected-version': { type: 'string' } },
    SETTINGS_USAGE,
  );
  if (!read) return 2;
  const { command, values, positionals, print, printError } = read;
  switch (command) {
    case 'export': {
      if (positionals.length > 0 || values['expected-version'] !== undefined) break;
      const json = `${JSON.stringify(await exportSettings(deps), null, 2)}\n`;
      if (values.output === undefined) process.stdout.write(json);
      else {
        await writeFile(values.output, json);
        print(`Đã ghi cài đặt vào ${values.output} / Settings written to ${values.output}`);
      }
      return 0;
    }
    case 'import': {
      const [file] = positionals;
      if (file === undefined || positionals.length > 1 || values.output !== undefined) break;
      const expectedText = values['expected-version'];
      const expectedVersion = expectedText === undefined ? undefined : Number(expectedText);
      if (expectedVersion !== undefined && !(Number.isInteger(expectedVersion) && expectedVersion >= 0)) {
        printError(`--expected-version cần một số nguyên / needs a whole number: ${expectedText}`);
        return 2;
      }
      let json: unknown;
      try {
        json = JSON.parse(await readFile(file, 'utf8'));
      } catch (error) {
        printError(`Không đọc được ${file} (JSON) / cannot read ${file} (JSON): ${(error as Error).message}`);
        return 1;
      }
      try {
        const settings = await checkSettingsFile(deps, json);
        const saved = await importSettings(deps, settings, expectedVersion === undefined ? {} : { expectedVersion });
        print(
          `Đã lưu ${file} thành phiên bản ${saved.version}, áp dụng ngay / Saved ${file} as version ${saved.version}, in force at once`,
        );
        return 0;
      } catch (error) {
        if (error instanceof MotcuaError) {
          for (const line of settingsProblemLines(error.problems)) printError(line);
          printError(`${error.problems.length} lỗi trong ${file}, không lưu gì / problem(s) in ${file}; nothing saved`);
          return 1;
        }
        if (error instanceof StaleSettingsFileError) {
          printError(error.message);
          return 1;
        }
        throw error;
      }
    }
    case 'status': {
      if (positionals.length > 0) break;
      for (const line of settingsSourceLines(await settingsStatus(deps))) print(line);
      return 0;
    }
  }
  printError(SETTINGS_USAGE);
  return 2;
}
