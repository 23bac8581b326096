import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
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
      { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ 不得引用上层代码。' },
    ],
  }),
  // Scoring is computed from the model and the frameworks only (the rules are data in resources/).
  layer(['shared/scoring/**/*.ts'], {
    paths: platform('shared/ 是纯 TypeScript：不得引用 electron、react 或 Node 平台模块。'),
    patterns: [
      { group: ['node:*'], message: 'shared/ 不得引用 Node 平台模块。' },
      { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ 不得引用上层代码。' },
      {
        group: ['../*', '!../model', '!../frameworks', '!../..', '../../*', '!../../resources'],
        message: 'shared/scoring 只引用 shared/model、shared/frameworks 与 resources/scoring。',
      },
    ],
  }),
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
      { group: ['**/renderer/**', '**/cli/**'], message: 'main 不引用界面或命令行代码。' },
    ],
  }),
);
