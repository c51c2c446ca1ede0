import path from 'node:path';
import { JianduError } from '../shared/errors.js';

export type FileFormat = 'csv' | 'xlsx' | 'json';

/** Decides the reader from the file name; CSV is the default for text exports (.txt, .dat). */
export function detectFileFormat(file: string): FileFormat {
  const ext = path.extname(file).toLowerCase();
  switch (ext) {
    case '.xlsx':
    case '.xlsm':
      return 'xlsx';
    case '.xls':
      throw new JianduError('unsupported_format', `不支持旧版 Excel 97-2003 (.xls) 文件：请在 Excel 或 WPS 中“另存为” .xlsx 后再导入（${path.basename(file)}）`, { file });
    case '.json':
    case '.ndjson':
    case '.jsonl':
      return 'json';
    default:
      return 'csv';
  }
}
