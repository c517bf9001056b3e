import { byIdLoader, statusGroupLoader, throughJoinLoader } from '../../common/loaders.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import { Need } from '../need/need.entity.js';
import { ShelfProject } from '../shelf/shelf-project.entity.js';
import { Activity } from './activity.entity.js';
import { Signup } from './signup.entity.js';

export function createActivityLoaders(scope: TenantScope) {
  return {
    activity: byIdLoader(scope, Activity),
    /** An activity's sign-ups, oldest first (created_at, id), optionally of one status. */
    signupsOfActivity: statusGroupLoader(scope, Signup, { column: 'activity_id', key: (s) => s.activityId }, { 'e.created_at': 'ASC', 'e.id': 'ASC' }),
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
