import mammoth from 'mammoth';
import { AppError } from '../../http/app-error.js';
import { decodeCsv } from '../imports/spreadsheet-reader.js';

/**
 * The plain text of an uploaded plan for the plan parser: a .txt file (UTF-8, or GB18030 as Chinese Windows
 * saves it) or a Word .docx (paragraphs and table cells, one per line). Other formats are refused.
 */
export async function planTextFromFile(fileName: string, buffer: Buffer): Promise<string> {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'txt') return decodeCsv(buffer);
  if (ext === 'doc') throw new AppError('UNSUPPORTED_FILE', '请上传 .docx 或 .txt 文件（旧版 .doc 请先在 Word 或 WPS 中“另存为” .docx）');
  if (ext !== 'docx') throw new AppError('UNSUPPORTED_FILE', '请上传 .docx 或 .txt 文件');
  if (buffer.subarray(0, 2).toString('latin1') !== 'PK') throw new AppError('UNSUPPORTED_FILE', '文件不是有效的 .docx 文档（可能已损坏或只是改了扩展名）');
  try {
    return (await mammoth.extractRawText({ buffer })).value;
  } catch {
    throw new AppError('UNSUPPORTED_FILE', '无法读取该 .docx 文件，请确认文件未损坏');
  }
}
