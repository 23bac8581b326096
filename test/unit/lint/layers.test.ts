import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../../..', import.meta.url).pathname });

async function restricted(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('layer rules (npm run check fails on these)', () => {
  it.each([
    ["import { readFile } from 'node:fs';", 'node:fs'],
    ["import { readFile } from 'fs';", 'fs'],
    ["import { app } from 'electron';", 'electron'],
    ["import { useState } from 'react';", 'react'],
    ["import { createHandlers } from '../../../electron/host/handlers';", 'host code'],
    ["import { App } from '../../../renderer/src/App';", 'renderer code'],
  ])('shared/ may not import %s (%s)', async (line) => {
    expect(
      await restricted('shared/model/fixture.ts', `${line}\nexport const used = 1;\n`),
    ).not.toEqual([]);
  });

  it('shared/ may import zod and its own modules', async () => {
    expect(
      await restricted(
        'shared/model/fixture.ts',
        "import { z } from 'zod';\nimport { sumMoney } from './money';\nexport const a = [z, sumMoney];\n",
      ),
    ).toEqual([]);
  });

  it('host and cli may not import electron; main may', async () => {
    expect(
      await restricted(
        'electron/host/fixture.ts',
        "import { app } from 'electron';\nexport const a = app;\n",
      ),
    ).not.toEqual([]);
    expect(
      await restricted(
        'electron/cli/fixture.ts',
        "import { dialog } from 'electron';\nexport const a = dialog;\n",
      ),
    ).not.toEqual([]);
    expect(
      await restricted(
        'electron/main/fixture.ts',
        "import { app } from 'electron';\nexport const a = app;\n",
      ),
    ).toEqual([]);
  });

  it('the renderer reaches the host only through window.jixiao', async () => {
    expect(
      await restricted(
        'renderer/src/fixture.ts',
        "import { readFile } from 'node:fs';\nexport const a = readFile;\n",
      ),
    ).not.toEqual([]);
    expect(
      await restricted(
        'renderer/src/fixture.ts',
        "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n",
      ),
    ).not.toEqual([]);
    expect(
      await restricted(
        'renderer/src/fixture.ts',
        "import { dispatch } from '../../../electron/host/gate/dispatch';\nexport const a = dispatch;\n",
      ),
    ).not.toEqual([]);
  });

  it('the preload imports only electron and the channel list', async () => {
    expect(
      await restricted(
        'electron/preload/fixture.ts',
        "import { INVOKE_CHANNELS } from '../../../shared/ipc/channels';\nexport const a = INVOKE_CHANNELS;\n",
      ),
    ).toEqual([]);
    expect(
      await restricted(
        'electron/preload/fixture.ts',
        "import { argumentSchemas } from '../../../shared/ipc/contract';\nexport const a = argumentSchemas;\n",
      ),
    ).not.toEqual([]);
    expect(
      await restricted(
        'electron/preload/fixture.ts',
        "import { readFile } from 'node:fs';\nexport const a = readFile;\n",
      ),
    ).not.toEqual([]);
  });

  it('the serve shell (electron/serve) never imports electron, the renderer or the CLI; host never imports it', async () => {
    expect(
      await restricted(
        'electron/serve/fixture.ts',
        "import { app } from 'electron';\nexport const a = app;\n",
      ),
    ).not.toEqual([]);
    expect(
      await restricted(
        'electron/serve/fixture.ts',
        "import { App } from '../../renderer/src/App';\nexport const a = App;\n",
      ),
    ).not.toEqual([]);
    expect(
      await restricted(
        'electron/serve/fixture.ts',
        "import { runCli } from '../cli/index';\nexport const a = runCli;\n",
      ),
    ).not.toEqual([]);
    expect(
      await restricted(
        'electron/serve/fixture.ts',
        "import { createServer } from 'node:http';\nimport { dispatch } from '../host/gate/dispatch';\nexport const a = [createServer, dispatch];\n",
      ),
    ).toEqual([]);
    expect(
      await restricted(
        'electron/host/fixture.ts',
        "import { startServeServer } from '../serve/server';\nexport const a = startServeServer;\n",
      ),
    ).not.toEqual([]);
    expect(
      await restricted(
        'electron/cli/fixture.ts',
        "import { startServeApp } from '../serve/app';\nexport const a = startServeApp;\n",
      ),
    ).toEqual([]);
  });

  it('the browser client imports only the channel list and the socket format', async () => {
    expect(
      await restricted(
        'browser/fixture.ts',
        "import { INVOKE_CHANNELS } from '../shared/ipc/channels';\nimport { SOCKET_PATH } from '../shared/ipc/socket';\nexport const a = [INVOKE_CHANNELS, SOCKET_PATH];\n",
      ),
    ).toEqual([]);
    for (const line of [
      "import { argumentSchemas } from '../shared/ipc/contract';",
      "import { dispatch } from '../electron/host/gate/dispatch';",
      "import { App } from '../renderer/src/App';",
      "import { readFile } from 'node:fs';",
      "import { useState } from 'react';",
    ]) {
      expect(await restricted('browser/fixture.ts', `${line}\nexport const a = 1;\n`)).not.toEqual(
        [],
      );
    }
  });

  it('no renderer code knows which shell it runs in (no import of the browser client)', async () => {
    expect(
      await restricted(
        'renderer/src/fixture.ts',
        "import '../../browser/client';\nexport const a = 1;\n",
      ),
    ).not.toEqual([]);
  });
});
