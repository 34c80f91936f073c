import { z } from 'zod';
import { LIMITS } from '../../../contracts/limits.js';
import { ORG_KINDS, PORTFOLIOS, ROLES } from '../../../contracts/roles.js';
import { isValidMobile } from '../../../domain/phone.js';

const phone = z.string().trim().refine(isValidMobile, '手机号应为11位中国大陆手机号');
const personName = z.string().trim().min(1, '请填写姓名').max(LIMITS.nameMax);

export const orgSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(ORG_KINDS),
  name: z.string(),
  department: z.string().nullable(),
  memberCount: z.number().int(),
  canManage: z.boolean(),
});

export const createOrgBody = z.object({
  parentId: z.string().uuid('上级组织无效').nullable().default(null),
  kind: z.enum(ORG_KINDS, { message: '组织类型无效' }),
  name: z.string().trim().min(1, '请填写组织名称').max(LIMITS.orgNameMax, `组织名称不能超过 ${LIMITS.orgNameMax} 个字`),
  department: z.string().trim().max(LIMITS.shortTextMax).nullable().optional(),
  chair: z.object({ name: personName, phone }).optional(),
});

export const updateOrgBody = z.object({
  name: z.string().trim().min(1, '请填写组织名称').max(LIMITS.orgNameMax).optional(),
  department: z.string().trim().max(LIMITS.shortTextMax).nullable().optional(),
});

export const roleAssignmentSchema = z.object({
  id: z.string(),
  userId: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  role: z.enum(ROLES),
  portfolio: z.string(),
});

/** Give someone a role: an existing roster member (an account is opened if needed) or a person by phone. */
export const assignRoleBody = z
  .object({
    memberId: z.string().uuid('会员无效').optional(),
    name: personName.optional(),
    phone: phone.optional(),
    role: z.enum(ROLES, { message: '角色无效' }),
    portfolio: z.enum([...PORTFOLIOS, ''] as [string, ...string[]], { message: '分工无效' }).default(''),
  })
  .refine((b) => b.memberId || (b.name && b.phone), { message: '请选择会员，或填写姓名和手机号', path: ['memberId'] })
  .refine((b) => (b.role === 'committee') === (b.portfolio !== ''), {
    message: '工会委员需选择分工，其他角色不设分工',
    path: ['portfolio'],
  });
