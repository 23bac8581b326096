import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import path from 'node:path';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'util',
  'stream',
  'url',
  'worker_threads',
  'http',
  'https',
  'net',
  'zlib',
  'buffer',
  'process',
];

/** Imports each folder may not make (ARCHITECTURE "Layers": imports point down only). */
function layer(files, { paths = [], patterns = [] }) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { paths, patterns }],
    },
  };
}

const platform = (why) => [
  { name: 'electron', message: why },
  { name: 'react', message: why },
  { name: 'react-dom', message: why },
  ...NODE_BUILTINS.map((name) => ({ name, message: why })),
];

/**
 * The fences inside shared/ (docs/ARCHITECTURE.md draws them): each folder and the folders
 * directly below it. A folder may import what it reaches down these arrows, nothing else.
 */
const SHARED_FENCES = {
  text: [],
  model: [],
  frameworks: ['model'],
  import: ['frameworks', 'scoring', 'text'],
  export: ['frameworks', 'scoring', 'text'],
  rules: ['frameworks', 'scoring'],
  scoring: ['frameworks'],
  edit: ['import', 'export', 'rules'],
  ipc: ['model'],
};

const ROOT = path.dirname(new URL(import.meta.url).pathname);

/** The shared/ folder a repository path names or lies in (`shared/edit`, `shared/edit/find`). */
function sharedFolder(relative) {
  const [top, folder] = relative.split('/');
  return top === 'shared' && folder ? folder : undefined;
}

/** Checks relative imports between shared/ folders against `fences` (the rule's option). */
const sharedFencesRule = {
  meta: {
    type: 'problem',
    schema: [
      { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
    ],
  },
  create(context) {
    const fences = context.options[0] ?? {};
    const file = path.relative(ROOT, context.filename).split(path.sep).join('/');
    const from = sharedFolder(file);
    if (from === undefined) return {};
    const reach = new Set();
    const down = (folder) => {
      for (const below of fences[folder] ?? []) {
        if (reach.has(below)) continue;
        reach.add(below);
        down(below);
      }
    };
    down(from);
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = sharedFolder(
        path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)),
      );
      if (to === undefined || to === from || reach.has(to)) return;
      const allowed = [...reach].sort().map((folder) => `shared/${folder}`);
      context.report({
        node: node.source,
        message: `shared/${from} 不得引用 shared/${to}：只能引用 ${allowed.join('、') || '自身'}（见 docs/ARCHITECTURE.md）。`,
      });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'test/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
    },
  },
  {
    files: ['browser/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  layer(['shared/**/*.ts'], {
    paths: platform('shared/ 是纯 TypeScript：不得引用 electron、react 或 Node 平台模块。'),
    patterns: [
      { group: ['node:*'], message: 'shared/ 不得引用 Node 平台模块。' },
      {
        group: ['**/electron/**', '**/renderer/**', '**/browser/**'],
        message: 'shared/ 不得引用上层代码。',
      },
    ],
  }),
  {
    files: ['shared/**/*.ts'],
    plugins: { jixiao: { rules: { 'shared-fences': sharedFencesRule } } },
    rules: { 'jixiao/shared-fences': ['error', SHARED_FENCES] },
  },
  layer(['renderer/**/*.{ts,tsx}'], {
    paths: [
      { name: 'electron', message: '界面只能通过 window.jixiao 访问主进程。' },
      ...NODE_BUILTINS.map((name) => ({ name, message: '界面运行在沙箱中，不能使用 Node 模块。' })),
    ],
    patterns: [
      { group: ['node:*'], message: '界面运行在沙箱中，不能使用 Node 模块。' },
      { group: ['**/electron/**'], message: '界面只能通过 window.jixiao 访问主进程。' },
      { group: ['**/browser/**'], message: '界面不知道自己运行在哪个外壳中：只用 window.jixiao。' },
    ],
  }),
  ...[
    ['electron/host/**/*.ts', ['**/serve/**', '**/cli/**']],
    ['electron/cli/**/*.ts', []],
  ].map(([files, above]) =>
    layer([files], {
      paths: [
        { name: 'electron', message: 'host/ 与 cli/ 不得引用 electron：由 main 注入端口。' },
        { name: 'react', message: 'host/ 不含界面代码。' },
      ],
      patterns: [
        { group: ['electron/*'], message: 'host/ 与 cli/ 不得引用 electron。' },
        {
          group: ['**/renderer/**', '**/main/**', '**/preload/**', '**/browser/**', ...above],
          message: '只能向下引用。',
        },
      ],
    }),
  ),
  layer(['electron/serve/**/*.ts'], {
    paths: [
      { name: 'electron', message: 'serve/ 是不依赖 Electron 的浏览器版外壳，不得引用 electron。' },
      { name: 'react', message: 'serve/ 不含界面代码。' },
    ],
    patterns: [
      { group: ['electron/*'], message: 'serve/ 不得引用 electron。' },
      {
        group: ['**/renderer/**', '**/main/**', '**/preload/**', '**/cli/**', '**/browser/**'],
        message: 'serve/ 只引用 host/ 与 shared/。',
      },
    ],
  }),
  layer(['browser/**/*.ts'], {
    paths: platform('浏览器客户端在页面中运行：只引用通道列表与传输格式。'),
    patterns: [
      { group: ['node:*'], message: '浏览器客户端不能使用 Node 模块。' },
      {
        group: [
          '**/electron/**',
          '**/renderer/**',
          '**/shared/*',
          '!**/shared/ipc',
          '**/shared/ipc/*',
          '!**/shared/ipc/channels',
          '!**/shared/ipc/socket',
        ],
        message: '浏览器客户端只引用 shared/ipc/channels 与 shared/ipc/socket。',
      },
    ],
  }),
  layer(['electron/preload/**/*.ts'], {
    paths: platform('预加载脚本只引用 electron 与通道列表。').filter(
      (entry) => entry.name !== 'electron',
    ),
    patterns: [
      { group: ['node:*'], message: '沙箱预加载脚本不能使用 Node 模块。' },
      {
        group: [
          '**/host/**',
          '**/main/**',
          '**/serve/**',
          '**/cli/**',
          '**/browser/**',
          '**/renderer/**',
          '**/shared/*',
          '!**/shared/ipc',
          '**/shared/ipc/*',
          '!**/shared/ipc/channels',
        ],
        message: '预加载脚本只引用 shared/ipc/channels。',
      },
    ],
  }),
  layer(['electron/main/**/*.ts'], {
    patterns: [
      {
        group: ['**/renderer/**', '**/cli/**', '**/serve/**', '**/preload/**', '**/browser/**'],
        message: 'main 只引用 host/ 与 shared/：界面、预加载脚本、命令行与浏览器版外壳各自独立。',
      },
    ],
  }),
);
