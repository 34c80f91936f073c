import { useRef } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { todayInShanghai } from '../../../domain/dates';
import { api } from '../../lib/api';
import { useMe } from '../../lib/session';
import { ErrorAlert, PageHeader, PageLoading, useFormError } from '../../components';
import type { ActivityDetail, ActivityType } from './activity-admin-types';
import { activityBodyOf, activityFormValuesOf, defaultSignupClose, withActivityFormPaths, type ActivityDefaults, type ActivityFormValues } from './activity-form-values';
import { joinDayAndTime } from './activity-time';
import { ActivityFormFields } from './ActivityFormFields';
import { useActivity, useActivityTypes, useRefreshActivities, useRoster } from './use-activity-admin';
import './activity-admin.css';

/** What POST /activities answers: the new activity, or every activity of a weekly series. */
interface Created {
  ids?: string[];
  id?: string;
}

interface FormProps {
  activity: ActivityDetail | null;
  types: ActivityType[];
  defaults: ActivityDefaults;
  knownNames?: Record<string, string>;
}

/** The form itself, mounted once its starting values are known. */
function ActivityForm({ activity, types, defaults, knownNames }: FormProps) {
  const [form] = Form.useForm<ActivityFormValues>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const formError = useFormError(form);
  const refresh = useRefreshActivities();
  const isNew = activity === null;
  const initial = useRef(activityFormValuesOf(activity, defaults)).current;
  const previousStart = useRef<Dayjs | null | undefined>(initial.startDate);
  // A new activity's sign-up close and cancel deadline follow its start until the organiser sets them.
  const isCloseFollowing = useRef(isNew);
  const isCancelFollowing = useRef(isNew);

  const save = useMutation({
    mutationFn: async (v: ActivityFormValues) => {
      const body = activityBodyOf(v, isNew);
      if (!isNew) {
        await api.send<ActivityDetail>('PATCH', `/activities/${activity.id}`, body);
        return { id: activity.id, count: 1 };
      }
      const created = await api.send<Created>('POST', '/activities', body);
      const ids = created.ids ?? (created.id ? [created.id] : []);
      return { id: ids[0], count: ids.length };
    },
    onSuccess: ({ id, count }, v) => {
      void refresh();
      message.success(isNew ? (count > 1 ? `已发布 ${count} 场活动（每周一次）：${v.title.trim()}` : `已发布：${v.title.trim()}`) : '已保存');
      navigate(id ? `/activities/${id}/manage` : '/activities/admin');
    },
    onError: (e) => {
      const moved = withActivityFormPaths(e);
      formError.onError(moved);
      const first = form.getFieldsError().find((f) => f.errors.length > 0);
      if (first) form.scrollToField(first.name, { block: 'center' });
    },
  });

  // The end day follows the start day; sign-up closes a day before the start (see defaultSignupClose).
  const onValuesChange = (changed: Partial<ActivityFormValues>, all: ActivityFormValues) => {
    if ('startDate' in changed) {
      const before = previousStart.current;
      if (all.startDate && (!all.endDate || (before && all.endDate.isSame(before, 'day')) || all.endDate.isBefore(all.startDate, 'day'))) {
        form.setFieldValue('endDate', all.startDate);
      }
      previousStart.current = all.startDate;
    }
    // onValuesChange hears the organiser's own edits only, so these flags end when they set a time themselves.
    if ('signupClosesAt' in changed) isCloseFollowing.current = false;
    if ('cancelDeadline' in changed) isCancelFollowing.current = false;
    if (isCloseFollowing.current && ('startDate' in changed || 'startTime' in changed || 'signupOpensAt' in changed) && all.startDate && all.startTime) {
      form.setFieldValue('signupClosesAt', defaultSignupClose(joinDayAndTime(all.startDate, all.startTime), all.signupOpensAt));
    }
    if (isCancelFollowing.current) form.setFieldValue('cancelDeadline', form.getFieldValue('signupClosesAt'));
  };

  const aroundDay = (initial.startDate ?? null)?.format('YYYY-MM-DD') ?? todayInShanghai();
  return (
    <Form<ActivityFormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onValuesChange={onValuesChange}
      onFinish={(v) => {
        formError.clear();
        save.mutate(v);
      }}
      // Enter confirms a date, a time or an option here; it must not publish a half-filled activity.
      onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT' && e.preventDefault()}
      scrollToFirstError={{ block: 'center' }}
      className="uh-act-form"
      data-testid="activity-form"
    >
      {formError.alert}
      <ActivityFormFields isNew={isNew} types={types} currentTypeId={activity?.typeId} knownNames={knownNames} aroundDay={aroundDay} />
      <Flex gap={8} className="uh-act-form-actions">
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="activity-save">
          {isNew ? '发布活动' : '保存'}
        </Button>
        <Button onClick={() => navigate(-1)}>取消</Button>
      </Flex>
    </Form>
  );
}

/** 发布活动 (/activities/new, prefilled from ?clubId=&calendarItemId=&date=&title=) and 编辑活动 (/activities/:id/edit). */
export function ActivityFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const me = useMe();
  const types = useActivityTypes();
  const activity = useActivity(id);
  const isList = activity.data?.audience.kind === 'list';
  const roster = useRoster(id ?? '', !!id && isList);

  const title = id ? '编辑活动' : '发布活动';
  const back = id ? (
    <Link to={`/activities/${id}/manage`}>
      <Button>返回活动管理</Button>
    </Link>
  ) : null;
  const header = <PageHeader title={title} subtitle={activity.data?.title ?? '发布后，参加对象可在手机上看到并报名'} extra={back} />;
  const error = types.error ?? activity.error;
  if (error) {
    return (
      <div>
        {header}
        <ErrorAlert error={error} />
      </div>
    );
  }
  if (!types.data || (id && activity.isPending) || (isList && roster.isPending)) return <PageLoading />;

  const clubId = params.get('clubId');
  const clubType = clubId ? types.data.find((t) => t.kind === 'club' && !t.archived) : undefined;
  const defaults: ActivityDefaults = {
    clubId,
    typeId: clubType?.id,
    calendarItemId: params.get('calendarItemId'),
    title: params.get('title') ?? undefined,
    startDate: params.get('date') ?? undefined,
    organiserUserId: me.data?.user.id ?? null,
  };
  const knownNames = Object.fromEntries((roster.data ?? []).map((r) => [r.memberId, r.name]));
  return (
    <div>
      {header}
      {activity.data?.status === 'cancelled' ? <Alert type="warning" showIcon title="本活动已取消，修改后不会重新发布。" style={{ marginBottom: 16 }} /> : null}
      <ActivityForm key={id ?? 'new'} activity={activity.data ?? null} types={types.data} defaults={defaults} knownNames={knownNames} />
    </div>
  );
}
