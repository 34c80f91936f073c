import type { FastifyRequest } from 'fastify';
import type { Database, Db } from '../db/client.js';
import type { Actor } from '../../domain/policy.js';
import { AppError } from './app-error.js';

/** The signed-in person, with their roles in the organisation they work in now. */
export interface SessionActor extends Actor {
  sessionId: string;
  name: string;
}

/** What every use case receives: the database (or the transaction) and who is acting. */
export interface Ctx {
  database: Database;
  db: Db;
  actor: SessionActor;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: SessionActor | null;
  }
}

/** The actor of a request that must be signed in; 401 otherwise. */
export function requireActor(req: FastifyRequest): SessionActor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return req.actor;
}

/** Builds the use-case context of a signed-in request. */
export function ctxOf(req: FastifyRequest, database: Database): Ctx {
  return { database, db: database.db, actor: requireActor(req) };
}
