import DataLoader from 'dataloader';
import type { SignupStatus } from '@alliance/shared';
import { byIdLoader, throughJoinLoader } from '../../common/loaders.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import { Need } from '../need/need.entity.js';
import { ShelfProject } from '../shelf/shelf-project.entity.js';
import { Activity } from './activity.entity.js';
import { Signup } from './signup.entity.js';

export interface ActivitySignupsKey {
  activityId: string;
  status: SignupStatus | null;
}

export function createActivityLoaders(scope: TenantScope) {
  return {
    activity: byIdLoader(scope, Activity),
    /** An activity's sign-ups, oldest first (created_at, id), optionally of one status. */
    signupsOfActivity: new DataLoader<ActivitySignupsKey, Signup[], string>(
      async (keys) => {
        const activityIds = [...new Set(keys.map((k) => k.activityId))];
        const rows = await scope
          .qb(Signup, 's')
          .andWhere('s.activity_id = ANY(:activityIds)', { activityIds })
          .orderBy('s.created_at', 'ASC')
          .addOrderBy('s.id', 'ASC')
          .getMany();
        return keys.map((k) => rows.filter((r) => r.activityId === k.activityId && (k.status === null || r.status === k.status)));
      },
      { cacheKeyFn: (k) => `${k.activityId}:${k.status ?? ''}` },
    ),
    /** The shelf projects an activity delivers (activity_project), by title. */
    activityProjects: throughJoinLoader('activity_id', () =>
      scope
        .qb(ShelfProject, 'e')
        .innerJoin('activity_project', 'j', 'j.shelf_project_id = e.id AND j.alliance_id = e.alliance_id')
        .orderBy('e.title', 'ASC')
        .addOrderBy('e.id', 'ASC'),
    ),
    /** The needs an activity addresses (activity_need), newest report first. */
    activityNeeds: throughJoinLoader('activity_id', () =>
      scope
        .qb(Need, 'e')
        .innerJoin('activity_need', 'j', 'j.need_id = e.id AND j.alliance_id = e.alliance_id')
        .orderBy('e.reported_at', 'DESC')
        .addOrderBy('e.id', 'DESC'),
    ),
  };
}
