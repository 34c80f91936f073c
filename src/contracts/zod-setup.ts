import { z } from 'zod';

// Generic zod messages in Chinese (field-specific ones are written in the schemas themselves).
z.config(z.locales.zhCN());
