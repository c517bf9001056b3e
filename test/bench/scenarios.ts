/*
 * The scenarios: fixed GraphQL documents, as the admin sends them. Only the
 * variables change (chosen once per data set by setupScenarios in harness.ts).
 */

export const OPEN_NEED_STATUSES = ['REPORTED', 'ACCEPTED', 'ORDERED', 'PLANNED', 'IN_PROGRESS'] as const;

/** Q1 the shelf: ON_SHELF projects of one category with a search word, page 3 by cursor. */
export const Q1 = /* GraphQL */ `
  query BenchShelf($filter: ShelfProjectFilter!, $first: Int!, $after: String) {
    shelfProjects(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes {
        id title status tags capacityPerMonth createdAt version
        category { id code name }
        unit { id name agreement { id signedAt validUntil } }
      }
    }
  }`;

/** Q2 the dashboard of one alliance over 12 months. */
export const Q2 = /* GraphQL */ `
  query BenchDashboard($from: Date!, $to: Date!, $top: Int!) {
    dashboard(from: $from, to: $to) {
      unitCount signedAgreementCount shelfProjectsOnShelf
      shelfProjectsByCategory { category { id code name } count }
      needsReported needsResolved needsOverdue averageSatisfaction
      activitiesCompleted activitiesByMonth { month count }
      volunteerHours beneficiaries
      topUnits(first: $top) { unit { id name } points activities }
    }
  }`;

/** Q3 an activity's page: its sign-ups with their units, and its shelf projects. */
export const Q3 = /* GraphQL */ `
  query BenchActivity($id: ID!) {
    activity(id: $id) {
      id title description kind status startsAt endsAt location maxUnits confirmedCount version
      category { id name }
      outcome { participants volunteerHours beneficiaries summary }
      shelfProjects { id title status category { id name } unit { id name } }
      signups { id status headcount note createdAt unit { id name kind contactName contactPhone } }
    }
  }`;

/** Q4 the needs board: open needs of one grid with their ordered projects, assignee and history. */
export const Q4 = /* GraphQL */ `
  query BenchNeeds($gridId: ID!, $first: Int!) {
    needs(filter: { gridId: $gridId, status: [REPORTED, ACCEPTED, ORDERED, PLANNED, IN_PROGRESS] }, first: $first) {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes {
        id title status location requesterName requesterPhone reportedAt dueAt version
        category { id name }
        orderedProjects { id title unit { id name } }
        assignee { id displayName }
        history { at from to comment actor { id displayName } }
      }
    }
  }`;

/** M1 a sign-up, as the committee records it for a unit. */
export const M1 = /* GraphQL */ `
  mutation BenchSignUp($activityId: ID!, $unitId: ID!, $headcount: Int!) {
    signUpForActivity(activityId: $activityId, unitId: $unitId, headcount: $headcount) {
      id status headcount createdAt
      unit { id name }
      activity { id confirmedCount }
    }
  }`;

export const LOGIN = /* GraphQL */ `
  mutation BenchLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`;

/*
 * PostGraphile v5 (amber preset + postgraphile-plugin-connection-filter)
 * answering Q1 and Q3 over the same tables, with its own generated API. It
 * has no tenant from a token: the alliance is a condition in the query.
 */
export const PGL_Q1 = /* GraphQL */ `
  query PglShelf($alliance: UUID!, $category: UUID!, $word: String!, $first: Int!, $after: Cursor) {
    allShelfProjects(
      condition: { allianceId: $alliance, status: "ON_SHELF", categoryId: $category }
      filter: { or: [{ title: { includesInsensitive: $word } }, { description: { includesInsensitive: $word } }, { tags: { anyEqualTo: $word } }] }
      orderBy: [CREATED_AT_DESC, ROW_ID_DESC]
      first: $first
      after: $after
    ) {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes {
        rowId title status tags capacityPerMonth createdAt version
        serviceCategoryByCategoryId { rowId code name }
        memberUnitByUnitId {
          rowId name
          agreementsByUnitId(orderBy: [SIGNED_AT_DESC, CREATED_AT_DESC], first: 1) { nodes { rowId signedAt validUntil } }
        }
      }
    }
  }`;

export const PGL_Q3 = /* GraphQL */ `
  query PglActivity($id: UUID!) {
    activityByRowId(rowId: $id) {
      rowId title description kind status startsAt endsAt location maxUnits confirmedCount version
      outcomeParticipants outcomeVolunteerHours outcomeBeneficiaries outcomeSummary
      serviceCategoryByCategoryId { rowId name }
      activityProjectsByActivityId {
        nodes { shelfProjectByShelfProjectId { rowId title status serviceCategoryByCategoryId { rowId name } memberUnitByUnitId { rowId name } } }
      }
      signupsByActivityId(orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) {
        nodes { rowId status headcount note createdAt memberUnitByUnitId { rowId name kind contactName contactPhone } }
      }
    }
  }`;
