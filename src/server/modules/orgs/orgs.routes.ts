import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app.js';
import { ctxOf } from '../../http/context.js';
import { assignRoleBody, createOrgBody, orgSchema, roleAssignmentSchema, updateOrgBody } from './orgs.schema.js';
import { assignRole, createOrg, deleteOrg, listOrgTree, listRoles, removeRole, updateOrg } from './orgs.service.js';

const idParams = z.object({ id: z.string().uuid('组织无效') });

/** The organisation tree, its nodes and the roles held in them. */
export async function orgRoutes(app: FastifyInstance, { database }: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/orgs', { schema: { tags: ['orgs'], summary: '可见的组织树（扁平列表）', response: { 200: z.object({ items: z.array(orgSchema) }) } } }, async (req) => ({
    items: await listOrgTree(ctxOf(req, database)),
  }));

  api.post(
    '/orgs',
    {
      schema: {
        tags: ['orgs'],
        summary: '新建组织（平台管理员：任意；主席：本会的分工会、工会小组）',
        body: createOrgBody,
        response: { 201: z.object({ id: z.string(), name: z.string(), chairTemporaryPassword: z.string().nullable() }) },
      },
    },
    async (req, reply) => {
      const r = await createOrg(ctxOf(req, database), req.body);
      return reply.status(201).send({ id: r.org.id, name: r.org.name, chairTemporaryPassword: r.chairTemporaryPassword });
    },
  );

  api.patch(
    '/orgs/:id',
    { schema: { tags: ['orgs'], summary: '修改组织名称', params: idParams, body: updateOrgBody, response: { 200: z.object({ id: z.string(), name: z.string() }) } } },
    async (req) => {
      const org = await updateOrg(ctxOf(req, database), req.params.id, req.body);
      return { id: org.id, name: org.name };
    },
  );

  api.delete('/orgs/:id', { schema: { tags: ['orgs'], summary: '删除空的分工会或工会小组', params: idParams } }, async (req, reply) => {
    await deleteOrg(ctxOf(req, database), req.params.id);
    return reply.status(204).send();
  });

  api.get(
    '/orgs/:id/roles',
    { schema: { tags: ['orgs'], summary: '组织内的角色', params: idParams, response: { 200: z.object({ items: z.array(roleAssignmentSchema) }) } } },
    async (req) => ({ items: await listRoles(ctxOf(req, database), req.params.id) }),
  );

  api.post(
    '/orgs/:id/roles',
    {
      schema: {
        tags: ['orgs'],
        summary: '任命角色（必要时开通账号，返回一次性临时密码）',
        params: idParams,
        body: assignRoleBody,
        response: { 201: z.object({ assignmentId: z.string(), userId: z.string(), temporaryPassword: z.string().nullable() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await assignRole(ctxOf(req, database), req.params.id, req.body)),
  );

  api.delete(
    '/roles/:id',
    { schema: { tags: ['orgs'], summary: '撤销角色', params: z.object({ id: z.string().uuid('角色无效') }) } },
    async (req, reply) => {
      await removeRole(ctxOf(req, database), req.params.id);
      return reply.status(204).send();
    },
  );
}
