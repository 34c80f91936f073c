-- Where the acting user stands in one evaluation of the organisation (decision 012): the evaluation's definition
-- and window that a ballot is checked against, the user's member file there (the first, as memberOfUser picks it)
-- and their place on the roll. No row: no such evaluation in the organisation; m_id null: no member file.
-- Being a function, its query is planned once per connection.
CREATE FUNCTION evaluation_standing(p_org uuid, p_evaluation uuid, p_user uuid)
RETURNS TABLE (
  "id" uuid, "title" text, "status" text, "opensAt" timestamptz, "closesAt" timestamptz, "targets" jsonb,
  "dimensions" jsonb, "grades" jsonb, "overallGrades" jsonb, "allowComments" boolean,
  "m_id" uuid, "isOnRoll" boolean, "hasVoted" boolean
) LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT e.id, e.title, e.status, e.opens_at, e.closes_at, e.targets, e.dimensions, e.grades, e.overall_grades,
    e.allow_comments, m.id, v.member_id IS NOT NULL, coalesce(v.has_voted, false)
  FROM evaluations e
  LEFT JOIN LATERAL (
    SELECT mm.id FROM members mm WHERE mm.org_id = p_org AND mm.user_id = p_user ORDER BY mm.created_at, mm.id LIMIT 1
  ) m ON true
  LEFT JOIN evaluation_voters v ON v.evaluation_id = e.id AND v.member_id = m.id
  WHERE e.org_id = p_org AND e.id = p_evaluation;
END $$;
--> statement-breakpoint
-- A voter's ballot (decision 012), all of it in one call and so one transaction: under the evaluation's shared
-- advisory lock (closing takes it exclusively, so no ballot commits after the count), the evaluation must be
-- published and within its window at p_at; the user's member file in the union (the first, as memberOfUser picks
-- it) is looked up; the voter's roll row is marked only if it was not (the conditional update: a second ballot of
-- the same voter, at any moment, finds it marked — after waiting for the first to commit — and writes nothing);
-- then the ballot, with the group the roll row carries and no voter, no time, no sequence; the comments apart from
-- it; and the audit event "voted" in the member's own chain, whose key the hash prefix is completed with (the
-- caller computes the prefix around it, src/server/modules/evaluations/evaluation-cast.statements.ts).
-- Answers 'cast', or why nothing was written: 'missing' (no published evaluation of the organisation), 'not_open',
-- 'due' (its window has ended but nobody has closed it yet), 'closed', 'no_member' (no member file),
-- 'not_eligible' (not on the roll), 'already' (voted before). The ballot itself is checked by the caller against
-- the definition, with src/domain/evaluation.
CREATE FUNCTION evaluation_cast(
  p_evaluation uuid, p_org uuid, p_user uuid, p_ratings jsonb, p_comments jsonb,
  p_prefix_head text, p_prefix_tail text, p_actor_name text, p_at timestamptz, p_entity_label text, p_changes jsonb
) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  v_status text;
  v_opens timestamptz;
  v_closes timestamptz;
  v_member uuid;
  v_group text;
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtext('evaluation:' || p_evaluation::text));
  SELECT e.status, e.opens_at, e.closes_at INTO v_status, v_opens, v_closes
  FROM evaluations e WHERE e.id = p_evaluation AND e.org_id = p_org;
  IF NOT FOUND OR v_status = 'draft' THEN
    RETURN 'missing';
  END IF;
  IF v_status = 'closed' THEN
    RETURN 'closed';
  END IF;
  IF p_at >= v_closes THEN
    RETURN 'due';
  END IF;
  IF p_at < v_opens THEN
    RETURN 'not_open';
  END IF;
  SELECT m.id INTO v_member FROM members m WHERE m.org_id = p_org AND m.user_id = p_user ORDER BY m.created_at, m.id LIMIT 1;
  IF v_member IS NULL THEN
    RETURN 'no_member';
  END IF;
  UPDATE evaluation_voters v SET has_voted = true
  WHERE v.evaluation_id = p_evaluation AND v.member_id = v_member AND NOT v.has_voted
  RETURNING v.voter_group INTO v_group;
  IF NOT FOUND THEN
    PERFORM 1 FROM evaluation_voters v WHERE v.evaluation_id = p_evaluation AND v.member_id = v_member;
    RETURN CASE WHEN FOUND THEN 'already' ELSE 'not_eligible' END;
  END IF;
  INSERT INTO evaluation_ballots (evaluation_id, voter_group, ratings) VALUES (p_evaluation, v_group, p_ratings);
  INSERT INTO evaluation_comments (evaluation_id, target_key, body)
  SELECT p_evaluation, c->>'targetKey', c->>'body' FROM jsonb_array_elements(p_comments) c;
  PERFORM audit_append(
    'member:' || v_member::text, p_prefix_head || '"member:' || v_member::text || '"' || p_prefix_tail, p_org, p_user, p_actor_name, p_at,
    'evaluation.voted', 'evaluation', p_evaluation::text, p_entity_label, p_changes);
  RETURN 'cast';
END $$;
