/** The application and its window: name and version, layout settings, fonts, closing. */
import { failure, type Results } from '../../../shared/ipc';
import { installedFonts, systemFontProbe } from '../fonts';
import type { HostContext } from './context';

export function appService({ ports, settings }: HostContext) {
  const { config } = ports;
  return {
    async info(): Promise<Results['getAppInfo']> {
      return { ok: true, name: config.appName, version: config.version, platform: config.platform };
    },

    async layout(): Promise<Results['getLayout']> {
      return { ok: true, panelWidth: (await settings.load()).panelWidth };
    },

    async setLayout(panelWidth: number): Promise<Results['setLayout']> {
      try {
        await settings.update({ panelWidth });
      } catch (error) {
        return failure('io-error', `无法保存界面设置：${(error as Error).message}`);
      }
      return { ok: true };
    },

    async confirmUnsaved(fileName: string): Promise<Results['confirmUnsaved']> {
      return { ok: true, choice: await ports.dialogs.confirmUnsaved(fileName) };
    },

    async closeWindow(): Promise<Results['closeWindow']> {
      ports.window?.close();
      return { ok: true };
    },

    fonts: (): Promise<Results['listFonts']> =>
      installedFonts(ports.fontProbe ?? systemFontProbe(config.platform)),
  };
}
