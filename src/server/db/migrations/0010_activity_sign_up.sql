-- Where the acting user stands in one activity of the organisation (decision 009): the activity's fields that a
-- sign-up or a cancellation needs, the user's member file there (the first, as memberOfUser picks it), their
-- registration and attendance, and whether they belong to the interest group the activity invites. No row: no such
-- activity in the organisation; m_id null: no member file. Invitation itself is decided by the caller with
-- src/domain/activities/audience.ts. Being a function, its query is planned once per connection.
CREATE FUNCTION activity_standing(p_org uuid, p_activity uuid, p_user uuid)
RETURNS TABLE (
  "id" uuid, "orgId" uuid, "title" text, "startsAt" timestamptz, "endsAt" timestamptz, "place" text, "audience" jsonb,
  "capacity" integer, "confirmedCount" integer, "signupOpensAt" timestamptz, "signupClosesAt" timestamptz,
  "cancelDeadline" timestamptz, "needsApproval" boolean, "fields" jsonb, "status" text,
  "m_id" uuid, "m_name" text, "m_userId" uuid, "m_gender" text, "m_employmentStatus" text, "m_membershipStatus" text,
  "m_groupId" uuid, "m_department" text,
  "r_id" uuid, "r_status" text, "r_answers" jsonb, "r_waitlistSeq" bigint, "r_createdAt" timestamptz,
  "attendedAt" timestamptz, "inClub" boolean
) LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT a.id, a.org_id, a.title, a.starts_at, a.ends_at, a.place, a.audience, a.capacity, a.confirmed_count,
    a.signup_opens_at, a.signup_closes_at, a.cancel_deadline, a.needs_approval, a.fields, a.status,
    m.id, m.name, m.user_id, m.gender, m.employment_status, m.membership_status, m.group_id, m.department,
    r.id, r.status, r.answers, r.waitlist_seq, r.created_at, att.at,
    (a.audience->>'kind' = 'club' AND EXISTS (
      SELECT 1 FROM club_members cm WHERE cm.member_id = m.id AND cm.club_id::text = a.audience->>'clubId'))
  FROM activities a
  LEFT JOIN LATERAL (
    SELECT mm.id, mm.name, mm.user_id, mm.gender, mm.employment_status, mm.membership_status, mm.group_id, mm.department
    FROM members mm WHERE mm.org_id = p_org AND mm.user_id = p_user ORDER BY mm.created_at, mm.id LIMIT 1
  ) m ON true
  LEFT JOIN activity_registrations r ON r.activity_id = a.id AND r.member_id = m.id
  LEFT JOIN activity_attendance att ON att.activity_id = a.id AND att.member_id = m.id
  WHERE a.org_id = p_org AND a.id = p_activity;
END $$;
--> statement-breakpoint
-- A member's new registration (decision 009), all of it in one call: a seat if one is free (the conditional UPDATE
-- of the activity's count, under its row lock) or the next wait-list number, or approval pending; the registration;
-- its audit event in the member's chain; the member's notification. A second registration of the same member
-- fails on the unique index and undoes the whole call. Nothing is written for an activity no longer published.
-- The rules (audience, sign-up window, answers) are checked by the caller, in src/domain/activities.
CREATE FUNCTION activity_sign_up(
  p_activity uuid, p_org uuid, p_member uuid, p_answers jsonb, p_seated boolean,
  p_chain text, p_actor uuid, p_actor_name text, p_at timestamptz, p_entity_label text,
  p_prefix_first text, p_changes_first jsonb, p_prefix_waiting text, p_changes_waiting jsonb,
  p_user uuid, p_title_confirmed text, p_body_confirmed text, p_title_waiting text, p_body_waiting text, p_link text
) RETURNS TABLE (registration_id uuid, registration_status text, registration_waitlist_seq bigint) LANGUAGE plpgsql AS $$
DECLARE
  v_id uuid;
  v_status text;
  v_seq bigint;
BEGIN
  PERFORM 1 FROM activities a WHERE a.id = p_activity AND a.status = 'published';
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF NOT p_seated THEN
    v_status := 'pending';
  ELSE
    UPDATE activities a SET confirmed_count = a.confirmed_count + 1
    WHERE a.id = p_activity AND a.status = 'published' AND (a.capacity IS NULL OR a.confirmed_count < a.capacity);
    IF FOUND THEN
      v_status := 'confirmed';
    ELSE
      v_status := 'waitlisted';
      v_seq := nextval('activity_waitlist_seq');
    END IF;
  END IF;
  INSERT INTO activity_registrations AS r (activity_id, org_id, member_id, status, answers, waitlist_seq)
  VALUES (p_activity, p_org, p_member, v_status, p_answers, v_seq)
  RETURNING r.id INTO v_id;
  PERFORM audit_append(
    p_chain, CASE WHEN v_status = 'waitlisted' THEN p_prefix_waiting ELSE p_prefix_first END, p_org, p_actor, p_actor_name, p_at,
    'registration.created', 'activity', p_activity::text, p_entity_label,
    CASE WHEN v_status = 'waitlisted' THEN p_changes_waiting ELSE p_changes_first END);
  IF v_status <> 'pending' AND p_user IS NOT NULL THEN
    INSERT INTO notifications (user_id, org_id, kind, title, body, link)
    VALUES (
      p_user, p_org,
      CASE WHEN v_status = 'confirmed' THEN 'signup_confirmed' ELSE 'signup_waitlisted' END,
      CASE WHEN v_status = 'confirmed' THEN p_title_confirmed ELSE p_title_waiting END,
      CASE WHEN v_status = 'confirmed' THEN p_body_confirmed ELSE p_body_waiting END,
      p_link);
  END IF;
  RETURN QUERY SELECT v_id, v_status, v_seq;
END $$;
