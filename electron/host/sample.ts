/** The shipped sample document, relative to the application folder. */
export const SAMPLE_FILE = 'resources/sample/guangzhou-2025.jixiao.json';
