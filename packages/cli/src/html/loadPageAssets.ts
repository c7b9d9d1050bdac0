import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PageAssets } from './ReportPageData.js';

const require = createRequire(import.meta.url);

/** A file beside a package's main entry (each library keeps its browser build in the same `dist`). */
const beside = (pkg: string, file: string): string => join(dirname(require.resolve(pkg)), file);

/** Where the browser builds are: minified UMD (Chart.js and its annotation plugin) and IIFE (Mermaid). */
const PAGE_ASSET_FILES: Readonly<Record<keyof PageAssets, () => string>> = {
  chartJs: () => beside('chart.js', 'chart.umd.min.js'),
  chartAnnotation: () => beside('chartjs-plugin-annotation', 'chartjs-plugin-annotation.min.js'),
  mermaid: () => beside('mermaid', 'mermaid.min.js'),
};

/**
 * Reads the browser libraries the report page inlines from the installed packages (so the page needs no
 * network). Does I/O; throws if a package is missing (reinstall the CLI's dependencies).
 */
export const loadPageAssets = async (): Promise<PageAssets> => {
  const [chartJs, chartAnnotation, mermaid] = await Promise.all([
    readFile(PAGE_ASSET_FILES.chartJs(), 'utf8'),
    readFile(PAGE_ASSET_FILES.chartAnnotation(), 'utf8'),
    readFile(PAGE_ASSET_FILES.mermaid(), 'utf8'),
  ]);
  return { chartJs, chartAnnotation, mermaid };
};
