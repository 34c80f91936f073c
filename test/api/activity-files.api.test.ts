import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_LIMITS } from '../../src/contracts/activities.js';
import { activities, activityFiles, activityTypes } from '../../src/server/db/schema/index.js';
import { buildSchool, buildUser, createTestApp } from '../support/test-app.js';
import { countRows, signIn, type Client, type Res } from '../support/api.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
let A: Awaited<ReturnType<typeof buildSchool>>;
let B: Awaited<ReturnType<typeof buildSchool>>;
let chairA: Client;
let chairB: Client;
let memberA: Client;
let districtUser: Client;
let activityId: string;
let otherActivityId: string;
let bActivityId: string;

type FileView = { id: string; kind: string; name: string; mime: string; size: number; createdAt: string };

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 1)]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(50, 2)]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
const ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 0)]);

type Part = { name: string; value: string } | { name: string; fileName: string; content: Buffer; type?: string };

/** A multipart/form-data body with fields and files in the given order. */
function form(parts: Part[]) {
  const boundary = `----uhfiles${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if ('value' in p) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`, 'utf8'));
    else {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.fileName}"\r\nContent-Type: ${p.type ?? 'application/octet-stream'}\r\n\r\n`, 'utf8'));
      chunks.push(p.content, Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function upload(c: Client, id: string, parts: Part[]) {
  const body = form(parts);
  return t.app.inject({ method: 'POST', url: `/api/v1/activities/${id}/files`, headers: { cookie: c.cookie!, ...body.headers }, payload: body.payload });
}
const photo = (fileName: string, content: Buffer): Part[] => [
  { name: 'kind', value: 'photo' },
  { name: 'file', fileName, content },
];
const attachment = (fileName: string, content: Buffer): Part[] => [
  { name: 'kind', value: 'attachment' },
  { name: 'file', fileName, content },
];

const ok = <T>(res: Res, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
const fieldOf = (res: Res) => res.json().error.fields?.[0] as { path: string; message: string } | undefined;
const lastAction = async () => (await t.database.query<{ action: string }>('SELECT action FROM audit_events ORDER BY id DESC LIMIT 1'))[0].action;

async function insertActivity(school: Awaited<ReturnType<typeof buildSchool>>, title: string) {
  const [type] = await t.database.db.insert(activityTypes).values({ orgId: school.union.id, name: `文体${title}`, kind: 'culture_sport' }).returning();
  const [row] = await t.database.db
    .insert(activities)
    .values({ orgId: school.union.id, typeId: type.id, title, startsAt: new Date('2026-05-01T09:00:00+08:00'), endsAt: new Date('2026-05-01T11:00:00+08:00'), audience: { kind: 'all' }, checkinSecret: 's' })
    .returning();
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp();
  A = await buildSchool(t.database, '附件一小工会');
  B = await buildSchool(t.database, '附件二小工会', A.district);
  chairA = await signIn(t.app, (await buildUser(t.database, [{ org: A.union, role: 'chair' }])).phone!);
  chairB = await signIn(t.app, (await buildUser(t.database, [{ org: B.union, role: 'chair' }])).phone!);
  memberA = await signIn(t.app, (await buildUser(t.database, [{ org: A.union, role: 'member' }])).phone!);
  districtUser = await signIn(t.app, (await buildUser(t.database, [{ org: A.district, role: 'chair' }])).phone!);
  activityId = await insertActivity(A, '教职工趣味运动会');
  otherActivityId = await insertActivity(A, '读书分享会');
  bActivityId = await insertActivity(B, '二小运动会');
});
afterAll(async () => t.close());

describe('photos', () => {
  it('keeps a photo checked by its bytes, serves it inline with its UTF-8 name to anyone in the union, and audits the upload', async () => {
    const before = await countRows(t.database, 'audit_events');
    const file = ok<FileView>(await upload(chairA, activityId, photo('开幕式 合影.png', PNG)), 201);
    expect(file).toMatchObject({ kind: 'photo', name: '开幕式 合影.png', mime: 'image/png', size: PNG.length });
    expect(await countRows(t.database, 'audit_events')).toBe(before + 1);
    expect(await lastAction()).toBe('activity.fileAdded');

    const res = await memberA.get(`/api/v1/activities/${activityId}/files/${file.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    // Served inline, so the browser must not second-guess the type, and a removed photo must not stay cached.
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(res.headers['content-disposition']).toBe(`inline; filename="___ __.png"; filename*=UTF-8''${encodeURIComponent('开幕式 合影.png')}`);
    expect(Buffer.compare(res.rawPayload, PNG)).toBe(0);
  });

  it('takes the type from the content: a JPEG named .png is a JPEG, WebP is accepted, text named .jpg is refused', async () => {
    expect(ok<FileView>(await upload(chairA, activityId, photo('其实是jpeg.png', JPEG)), 201).mime).toBe('image/jpeg');
    expect(ok<FileView>(await upload(chairA, activityId, photo('现场.webp', WEBP)), 201).mime).toBe('image/webp');
    const fake = await upload(chairA, activityId, photo('病毒.jpg', Buffer.from('<script>alert(1)</script>')));
    expect(fake.statusCode).toBe(400);
    expect(fieldOf(fake)).toEqual({ path: 'file', message: '“病毒.jpg”不是 JPEG、PNG 或 WebP 图片' });
  });

  it('refuses a photo over 5 MB, naming the limit', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(ACTIVITY_LIMITS.photoMaxBytes)]);
    const res = await upload(chairA, activityId, photo('太大.png', big));
    expect(res.statusCode).toBe(413);
    expect(fieldOf(res)).toEqual({ path: 'file', message: '照片不能超过 5 MB' });
  });
});

describe('attachments', () => {
  it('keeps an allowed attachment and serves it as a download', async () => {
    const file = ok<FileView>(await upload(chairA, activityId, attachment('活动方案（定稿）.PDF', PDF)), 201);
    expect(file).toMatchObject({ kind: 'attachment', mime: 'application/pdf', name: '活动方案（定稿）.PDF' });
    const res = await memberA.get(`/api/v1/activities/${activityId}/files/${file.id}`);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[^"]*\.PDF"; filename\*=UTF-8''/);
    expect(decodeURIComponent(res.headers['content-disposition']!.split("UTF-8''")[1])).toBe('活动方案（定稿）.PDF');
    expect(ok<FileView>(await upload(chairA, activityId, attachment('报名表.xlsx', ZIP)), 201).mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('refuses other extensions, content that does not match the extension, and files over 20 MB', async () => {
    const exe = await upload(chairA, activityId, attachment('安装包.exe', Buffer.from('MZ\x90\x00')));
    expect(exe.statusCode).toBe(400);
    expect(fieldOf(exe)).toEqual({ path: 'file', message: '附件只能是 .pdf、.docx、.xlsx、.pptx、.jpg、.jpeg、.png 文件' });
    const renamed = await upload(chairA, activityId, attachment('安装包.pdf', Buffer.from('MZ\x90\x00 not a pdf')));
    expect(renamed.statusCode).toBe(400);
    expect(fieldOf(renamed)?.message).toBe('“安装包.pdf”的内容与扩展名 .pdf 不符');
    const big = await upload(chairA, activityId, attachment('大文件.pdf', Buffer.concat([PDF, Buffer.alloc(ACTIVITY_LIMITS.attachmentMaxBytes)])));
    expect(big.statusCode).toBe(413);
    expect(fieldOf(big)).toEqual({ path: 'file', message: '附件不能超过 20 MB' });
  });
});

describe('the upload form', () => {
  it('names the missing or wrong field, and reads kind after the file too', async () => {
    const noKind = await upload(chairA, activityId, [{ name: 'file', fileName: 'a.png', content: PNG }]);
    expect(noKind.statusCode).toBe(400);
    expect(fieldOf(noKind)?.path).toBe('kind');
    const badKind = await upload(chairA, activityId, [{ name: 'kind', value: 'video' }, { name: 'file', fileName: 'a.png', content: PNG }]);
    expect(fieldOf(badKind)).toEqual({ path: 'kind', message: '文件类别应为 照片（photo）或 附件（attachment）' });
    const noFile = await upload(chairA, activityId, [{ name: 'kind', value: 'photo' }]);
    expect(noFile.statusCode).toBe(400);
    expect(fieldOf(noFile)?.path).toBe('file');
    const empty = await upload(chairA, activityId, photo('空.png', Buffer.alloc(0)));
    expect(fieldOf(empty)).toEqual({ path: 'file', message: '文件“空.png”是空的' });
    const json = await chairA.post(`/api/v1/activities/${activityId}/files`, { kind: 'photo' });
    expect(json.statusCode).toBe(400);
    expect(fieldOf(json)?.path).toBe('file');
    const kindLast = await upload(chairA, otherActivityId, [{ name: 'file', fileName: 'C:\\照片\\合影.png', content: PNG }, { name: 'kind', value: 'photo' }]);
    expect(ok<FileView>(kindLast, 201).name).toBe('合影.png');
  });

  it('allows at most 30 files per activity, even when two uploads race for the last place', async () => {
    const id = await insertActivity(A, '满额活动');
    const [me] = await t.database.query<{ id: string }>('SELECT id FROM users LIMIT 1');
    const rows = Array.from({ length: ACTIVITY_LIMITS.filesMax - 1 }, (_, i) => ({ activityId: id, orgId: A.union.id, kind: 'photo' as const, name: `${i}.png`, mime: 'image/png', size: PNG.length, data: PNG, uploadedBy: me.id }));
    await t.database.db.insert(activityFiles).values(rows);
    const results = await Promise.all([upload(chairA, id, photo('最后一张.png', PNG)), upload(chairA, id, photo('多出的一张.png', PNG))]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    const refused = results.find((r) => r.statusCode === 400)!;
    expect(fieldOf(refused)).toEqual({ path: 'file', message: '每个活动最多上传 30 个文件，请先删除不需要的文件' });
    expect(await countRows(t.database, 'activity_files', 'activity_id = $1', [id])).toBe(ACTIVITY_LIMITS.filesMax);
  });
});

describe('who may do what', () => {
  it('lets only managers upload and delete; deleting is audited and the file is gone', async () => {
    const file = ok<FileView>(await upload(chairA, activityId, photo('待删除.png', PNG)), 201);
    expect((await upload(memberA, activityId, photo('会员上传.png', PNG))).statusCode).toBe(403);
    expect((await memberA.delete(`/api/v1/activities/${activityId}/files/${file.id}`)).statusCode).toBe(403);
    // A file is reached only through its own activity.
    expect((await chairA.delete(`/api/v1/activities/${otherActivityId}/files/${file.id}`)).statusCode).toBe(404);
    expect((await chairA.delete(`/api/v1/activities/${activityId}/files/${file.id}`)).statusCode).toBe(204);
    expect(await lastAction()).toBe('activity.fileRemoved');
    expect((await chairA.get(`/api/v1/activities/${activityId}/files/${file.id}`)).statusCode).toBe(404);
    expect((await chairA.delete(`/api/v1/activities/${activityId}/files/${file.id}`)).statusCode).toBe(404);
  });

  it('keeps each school to its own activities: another school’s ids answer 404, and nothing is written', async () => {
    const file = ok<FileView>(await upload(chairA, activityId, photo('一小的照片.png', PNG)), 201);
    const before = await countRows(t.database, 'activity_files');
    const audits = await countRows(t.database, 'audit_events');
    const get = await chairB.get(`/api/v1/activities/${activityId}/files/${file.id}`);
    expect(get.statusCode).toBe(404);
    expect(get.json().error.message).toBe('文件不存在或无权查看');
    expect((await chairB.get(`/api/v1/activities/${bActivityId}/files/${file.id}`)).statusCode).toBe(404);
    const up = await upload(chairB, activityId, photo('越权.png', PNG));
    expect(up.statusCode).toBe(404);
    expect(up.json().error.message).toBe('活动不存在或无权查看');
    expect((await chairB.delete(`/api/v1/activities/${activityId}/files/${file.id}`)).statusCode).toBe(404);
    // The district union above the school does not read the school's activities.
    expect((await districtUser.get(`/api/v1/activities/${activityId}/files/${file.id}`)).statusCode).toBe(403);
    expect(await countRows(t.database, 'activity_files')).toBe(before);
    expect(await countRows(t.database, 'audit_events')).toBe(audits);
  });

  it('names a malformed id', async () => {
    const res = await chairA.get(`/api/v1/activities/${activityId}/files/abc`);
    expect(res.statusCode).toBe(400);
    expect(fieldOf(res)?.path).toBe('fileId');
  });
});

