/** Stable error codes of the API, each with its HTTP status. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNSUPPORTED_FILE: 400,
  UNAUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  FORBIDDEN: 403,
  ORIGIN_REFUSED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CARE_CAP: 409,
  PAYLOAD_TOO_LARGE: 413,
  IMPORT_HAS_ERRORS: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/** Default Chinese message per code; a thrower may give a more precise one. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: '提交的内容有误',
  BAD_REQUEST: '请求无效',
  UNSUPPORTED_FILE: '文件格式不支持',
  UNAUTHENTICATED: '请先登录',
  BAD_CREDENTIALS: '账号或密码不正确',
  FORBIDDEN: '没有权限进行此操作',
  ORIGIN_REFUSED: '请求来源不被允许',
  NOT_FOUND: '未找到',
  CONFLICT: '与已有数据冲突',
  CARE_CAP: '超出慰问标准',
  PAYLOAD_TOO_LARGE: '文件过大',
  IMPORT_HAS_ERRORS: '导入数据有错误，未写入任何数据',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  INTERNAL: '服务器内部错误，请稍后再试',
};

/** One problem with one field: `path` is the field's path in the request body or query. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** The one error body every failing API request returns. */
export interface ErrorBody {
  /** `details`: structured facts some codes carry, e.g. CARE_CAP's `{ violations }` (every rule a payment breaks). */
  error: { code: ErrorCode; message: string; fields?: FieldProblem[]; details?: Record<string, unknown> };
}
