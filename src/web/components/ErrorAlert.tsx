import type { CSSProperties } from 'react';
import { Alert } from 'antd';
import type { FieldProblem } from '../../contracts/errors';
import { ApiError } from '../lib/api';

/** The Chinese sentence for any thrown value: the server's message for an ApiError, a plain fallback otherwise. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  // fetch() rejects with a TypeError when the network is down; its English text helps nobody.
  if (error instanceof TypeError) return '网络连接失败，请检查网络后重试';
  return '出了点问题，请刷新页面后重试';
}

/**
 * Shows an error: the server's message as the title and each field problem below it.
 * Pass `fields` to list only some problems (e.g. those a form could not show next to a field).
 */
export function ErrorAlert({ error, fields, style }: { error: unknown; fields?: FieldProblem[]; style?: CSSProperties }) {
  if (!error) return null;
  const title = errorMessage(error);
  const problems = (fields ?? (error instanceof ApiError ? error.fields : [])).filter((f) => f.message !== title);
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={
        problems.length ? (
          <ul className="uh-error-fields">
            {problems.map((f) => (
              <li key={`${f.path}:${f.message}`}>{f.message}</li>
            ))}
          </ul>
        ) : undefined
      }
      style={{ marginBottom: 16, ...style }}
    />
  );
}
