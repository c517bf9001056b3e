/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment AccountFields on User {\n    id\n    username\n    displayName\n    role\n    status\n    mustChangePassword\n    phone\n    lastSignInAt\n    createdAt\n    disabledReason\n    disabledAt\n    unit {\n      id\n      name\n    }\n    grid {\n      id\n      name\n    }\n  }\n": typeof types.AccountFieldsFragmentDoc,
    "\n  query Accounts($role: Role, $status: UserStatus, $search: String) {\n    users(role: $role, status: $status, search: $search) {\n      ...AccountFields\n    }\n  }\n": typeof types.AccountsDocument,
    "\n  query AccountOptions {\n    users {\n      id\n      username\n      displayName\n      role\n      status\n    }\n  }\n": typeof types.AccountOptionsDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      temporaryPassword\n      user {\n        ...AccountFields\n      }\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...AccountFields\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation DisableUser($id: ID!, $reason: String!) {\n    disableUser(id: $id, reason: $reason) {\n      ...AccountFields\n    }\n  }\n": typeof types.DisableUserDocument,
    "\n  mutation EnableUser($id: ID!) {\n    enableUser(id: $id) {\n      ...AccountFields\n    }\n  }\n": typeof types.EnableUserDocument,
    "\n  mutation ResetUserPassword($id: ID!) {\n    resetUserPassword(id: $id)\n  }\n": typeof types.ResetUserPasswordDocument,
    "\n  fragment ActivityCard on Activity {\n    id\n    title\n    kind\n    status\n    startsAt\n    endsAt\n    location\n    maxUnits\n    confirmedCount\n    version\n    recordedAfterwards\n    category {\n      id\n      code\n      name\n    }\n  }\n": typeof types.ActivityCardFragmentDoc,
    "\n  query Activities($filter: ActivityFilter, $first: Int, $after: String) {\n    activities(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...ActivityCard\n      }\n    }\n  }\n": typeof types.ActivitiesDocument,
    "\n  fragment ActivityFields on Activity {\n    ...ActivityCard\n    description\n    shelfProjects {\n      id\n      title\n      unit {\n        id\n        name\n      }\n    }\n    needs {\n      id\n      title\n      status\n    }\n    signups {\n      id\n      status\n      headcount\n      note\n      createdAt\n      unit {\n        id\n        name\n      }\n    }\n    outcome {\n      participants\n      volunteerHours\n      beneficiaries\n      summary\n    }\n  }\n": typeof types.ActivityFieldsFragmentDoc,
    "\n  query Activity($id: ID!) {\n    activity(id: $id) {\n      ...ActivityFields\n    }\n  }\n": typeof types.ActivityDocument,
    "\n  mutation CreateActivity($input: ActivityInput!) {\n    createActivity(input: $input) {\n      ...ActivityFields\n    }\n  }\n": typeof types.CreateActivityDocument,
    "\n  mutation UpdateActivity($id: ID!, $version: Int!, $input: UpdateActivityInput!) {\n    updateActivity(id: $id, version: $version, input: $input) {\n      ...ActivityFields\n    }\n  }\n": typeof types.UpdateActivityDocument,
    "\n  mutation PublishActivity($id: ID!) {\n    publishActivity(id: $id) {\n      ...ActivityFields\n    }\n  }\n": typeof types.PublishActivityDocument,
    "\n  mutation StartActivity($id: ID!) {\n    startActivity(id: $id) {\n      ...ActivityFields\n    }\n  }\n": typeof types.StartActivityDocument,
    "\n  mutation CompleteActivity($id: ID!, $outcome: ActivityOutcomeInput!) {\n    completeActivity(id: $id, outcome: $outcome) {\n      ...ActivityFields\n    }\n  }\n": typeof types.CompleteActivityDocument,
    "\n  mutation CancelActivity($id: ID!, $reason: String!) {\n    cancelActivity(id: $id, reason: $reason) {\n      ...ActivityFields\n    }\n  }\n": typeof types.CancelActivityDocument,
    "\n  mutation SignUpForActivity($activityId: ID!, $headcount: Int!, $note: String, $unitId: ID) {\n    signUpForActivity(activityId: $activityId, headcount: $headcount, note: $note, unitId: $unitId) {\n      id\n      status\n      activity {\n        ...ActivityFields\n      }\n    }\n  }\n": typeof types.SignUpForActivityDocument,
    "\n  mutation WithdrawSignup($id: ID!) {\n    withdrawSignup(id: $id) {\n      id\n      status\n      activity {\n        ...ActivityFields\n      }\n    }\n  }\n": typeof types.WithdrawSignupDocument,
    "\n  mutation RecordPastActivity($input: RecordPastActivityInput!) {\n    recordPastActivity(input: $input) {\n      ...ActivityFields\n    }\n  }\n": typeof types.RecordPastActivityDocument,
    "\n  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        at\n        actorName\n        actor {\n          id\n          displayName\n        }\n        clientAddress\n        action\n        subjectType\n        subjectId\n        summary\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  fragment SessionUser on User {\n    id\n    username\n    displayName\n    role\n    mustChangePassword\n    unit {\n      id\n      name\n    }\n    grid {\n      id\n      name\n    }\n  }\n": typeof types.SessionUserFragmentDoc,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query MyAccount {\n    me {\n      ...SessionUser\n      phone\n      status\n      lastSignInAt\n      createdAt\n    }\n  }\n": typeof types.MyAccountDocument,
    "\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n": typeof types.MeDocument,
    "\n  query Alliance {\n    alliance {\n      id\n      name\n      regionName\n      categories {\n        id\n        code\n        name\n      }\n      grids {\n        id\n        name\n        branchName\n      }\n    }\n  }\n": typeof types.AllianceDocument,
    "\n  query CommunityProfile {\n    alliance {\n      id\n      name\n      regionName\n      households\n      residents\n      foundedYear\n      profileVersion\n    }\n    partyBranches {\n      id\n      name\n      kind\n      version\n      memberCount\n      grid {\n        id\n        name\n      }\n      groups {\n        id\n        name\n        kind\n        version\n        memberCount\n      }\n    }\n  }\n": typeof types.CommunityProfileDocument,
    "\n  mutation UpdateCommunityProfile($input: CommunityProfileInput!, $version: Int) {\n    updateCommunityProfile(input: $input, version: $version) {\n      id\n      households\n      residents\n      foundedYear\n      profileVersion\n    }\n  }\n": typeof types.UpdateCommunityProfileDocument,
    "\n  mutation CreatePartyBranch($input: PartyBranchInput!) {\n    createPartyBranch(input: $input) {\n      id\n    }\n  }\n": typeof types.CreatePartyBranchDocument,
    "\n  mutation UpdatePartyBranch($id: ID!, $version: Int!, $input: UpdatePartyBranchInput!) {\n    updatePartyBranch(id: $id, version: $version, input: $input) {\n      id\n      name\n      kind\n      version\n    }\n  }\n": typeof types.UpdatePartyBranchDocument,
    "\n  mutation CreatePartyGroup($input: PartyGroupInput!) {\n    createPartyGroup(input: $input) {\n      id\n    }\n  }\n": typeof types.CreatePartyGroupDocument,
    "\n  mutation UpdatePartyGroup($id: ID!, $version: Int!, $input: UpdatePartyGroupInput!) {\n    updatePartyGroup(id: $id, version: $version, input: $input) {\n      id\n      name\n      kind\n      version\n    }\n  }\n": typeof types.UpdatePartyGroupDocument,
    "\n  query PartyBranchOptions {\n    partyBranches {\n      id\n      name\n      kind\n      grid {\n        id\n      }\n      groups {\n        id\n        name\n      }\n    }\n  }\n": typeof types.PartyBranchOptionsDocument,
    "\n  query PartyMembers($filter: PartyMemberFilter, $first: Int, $after: String) {\n    partyMembers(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        name\n        gender\n        phone\n        joinedPartyOn\n        gridDuty\n        status\n        transferredOutOn\n        version\n        branch {\n          id\n          name\n        }\n        group {\n          id\n          name\n        }\n        grid {\n          id\n          name\n        }\n        account {\n          id\n          username\n        }\n        buildings {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.PartyMembersDocument,
    "\n  mutation CreatePartyMember($input: CreatePartyMemberInput!) {\n    createPartyMember(input: $input) {\n      id\n    }\n  }\n": typeof types.CreatePartyMemberDocument,
    "\n  mutation UpdatePartyMember($id: ID!, $version: Int!, $input: UpdatePartyMemberInput!) {\n    updatePartyMember(id: $id, version: $version, input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.UpdatePartyMemberDocument,
    "\n  mutation TransferPartyMember($id: ID!, $version: Int!, $on: Date) {\n    transferPartyMember(id: $id, version: $version, on: $on) {\n      id\n      status\n      transferredOutOn\n      version\n    }\n  }\n": typeof types.TransferPartyMemberDocument,
    "\n  query Buildings($gridId: ID) {\n    buildings(gridId: $gridId) {\n      id\n      name\n      households\n      covered\n      version\n      grid {\n        id\n        name\n      }\n      workers {\n        id\n        name\n        phone\n        gridDuty\n      }\n    }\n    coverage(gridId: $gridId) {\n      buildings\n      buildingsCovered\n      minWorkers\n      maxBuildingsPerWorker\n      uncoveredBuildings {\n        id\n        name\n      }\n      overloadedWorkers {\n        buildings\n        member {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.BuildingsDocument,
    "\n  query GridRedWorkers($gridId: ID!) {\n    partyMembers(filter: { gridId: $gridId, gridDuty: [FULL_TIME, PART_TIME], status: ACTIVE }, first: 100) {\n      nodes {\n        id\n        name\n        gridDuty\n        buildings {\n          id\n        }\n      }\n    }\n  }\n": typeof types.GridRedWorkersDocument,
    "\n  mutation AssignBuildingWorkers($buildingId: ID!, $memberIds: [ID!]!) {\n    assignBuildingWorkers(buildingId: $buildingId, memberIds: $memberIds) {\n      id\n      covered\n      workers {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AssignBuildingWorkersDocument,
    "\n  mutation CreateBuilding($input: BuildingInput!) {\n    createBuilding(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateBuildingDocument,
    "\n  query Commitments($year: Int!, $filter: CommitmentFilter, $first: Int, $after: String) {\n    commitments(year: $year, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        year\n        category\n        text\n        status\n        rating\n        evaluationComment\n        publishedAt\n        version\n        member {\n          id\n          name\n          branch {\n            id\n            name\n          }\n        }\n        notes {\n          at\n          text\n        }\n      }\n    }\n  }\n": typeof types.CommitmentsDocument,
    "\n  mutation CreateCommitment($input: CommitmentInput!) {\n    createCommitment(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateCommitmentDocument,
    "\n  mutation PublishCommitment($id: ID!, $version: Int!) {\n    publishCommitment(id: $id, version: $version) {\n      id\n      status\n      publishedAt\n      version\n    }\n  }\n": typeof types.PublishCommitmentDocument,
    "\n  mutation AddCommitmentProgress($id: ID!, $text: String!) {\n    addCommitmentProgress(id: $id, text: $text) {\n      id\n      version\n      notes {\n        at\n        text\n      }\n    }\n  }\n": typeof types.AddCommitmentProgressDocument,
    "\n  mutation EvaluateCommitment($id: ID!, $version: Int!, $rating: CommitmentRating!, $comment: String) {\n    evaluateCommitment(id: $id, version: $version, rating: $rating, comment: $comment) {\n      id\n      status\n      rating\n      evaluationComment\n      version\n    }\n  }\n": typeof types.EvaluateCommitmentDocument,
    "\n  query CommunityDashboard($year: Int) {\n    dashboard {\n      community {\n        households\n        residents\n        branches\n        gridBranches\n        groups\n        members\n        redGridWorkers\n        buildings\n        buildingsCovered\n      }\n      commitments(year: $year) {\n        year\n        published\n        evaluated\n        byRating {\n          rating\n          count\n        }\n      }\n    }\n    gridOverview {\n      openNeeds\n      overdueNeeds\n      buildings\n      buildingsCovered\n      members\n      grid {\n        id\n        name\n        branchName\n        outline\n      }\n    }\n  }\n": typeof types.CommunityDashboardDocument,
    "\n  query GridDetail($gridId: ID!) {\n    needs(filter: { gridId: $gridId, status: [REPORTED, ACCEPTED, ORDERED, PLANNED, IN_PROGRESS] }, first: 20) {\n      totalCount\n      nodes {\n        id\n        title\n        status\n        dueAt\n      }\n    }\n    buildings(gridId: $gridId) {\n      id\n      name\n      households\n      covered\n      workers {\n        id\n        name\n      }\n    }\n  }\n": typeof types.GridDetailDocument,
    "\n  query Dashboard($from: Date, $to: Date) {\n    dashboard(from: $from, to: $to) {\n      computedAt\n      unitCount\n      signedAgreementCount\n      shelfProjectsOnShelf\n      shelfProjectsByCategory {\n        count\n        category {\n          id\n          code\n          name\n        }\n      }\n      needsReported\n      needsResolved\n      needsOverdue\n      needsByStatus {\n        status\n        count\n      }\n      averageSatisfaction\n      activitiesCompleted\n      activitiesByMonth {\n        month\n        count\n      }\n      volunteerHours\n      beneficiaries\n      bookingsDone\n      offHoursBookingsDone\n      topUnits(first: 10) {\n        points\n        activities\n        unit {\n          id\n          name\n        }\n      }\n    }\n    overdue: needs(filter: { overdue: true }, first: 10) {\n      totalCount\n      nodes {\n        id\n        title\n        status\n        dueAt\n        grid {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  query ThesaurusGroups {\n    thesaurusGroups {\n      id\n      words\n      own\n      createdAt\n      version\n    }\n  }\n": typeof types.ThesaurusGroupsDocument,
    "\n  mutation AddThesaurusGroup($words: [String!]!) {\n    addThesaurusGroup(words: $words) {\n      id\n      words\n      own\n      createdAt\n      version\n    }\n  }\n": typeof types.AddThesaurusGroupDocument,
    "\n  mutation RemoveThesaurusGroup($id: ID!, $version: Int!) {\n    removeThesaurusGroup(id: $id, version: $version)\n  }\n": typeof types.RemoveThesaurusGroupDocument,
    "\n  fragment NeedCard on Need {\n    id\n    title\n    status\n    location\n    reportedAt\n    dueAt\n    version\n    grid {\n      id\n      name\n    }\n    category {\n      id\n      code\n      name\n    }\n    assignee {\n      id\n      displayName\n    }\n    claimedBy {\n      id\n      name\n    }\n  }\n": typeof types.NeedCardFragmentDoc,
    "\n  query NeedsBoard($gridId: ID, $search: String, $first: Int = 20) {\n    reported: needs(filter: { status: [REPORTED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    accepted: needs(filter: { status: [ACCEPTED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    ordered: needs(filter: { status: [ORDERED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    planned: needs(filter: { status: [PLANNED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    inProgress: needs(filter: { status: [IN_PROGRESS], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    resolved: needs(filter: { status: [RESOLVED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    closed: needs(filter: { status: [CLOSED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    rejected: needs(filter: { status: [REJECTED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n  }\n": typeof types.NeedsBoardDocument,
    "\n  fragment NeedFields on Need {\n    ...NeedCard\n    description\n    requesterName\n    requesterPhone\n    plan\n    resolution\n    satisfaction\n    orderedProjects {\n      id\n      title\n      unit {\n        id\n        name\n      }\n    }\n    deliveringUnits {\n      id\n      name\n    }\n    history {\n      at\n      from\n      to\n      comment\n      actor {\n        id\n        displayName\n        role\n      }\n    }\n  }\n": typeof types.NeedFieldsFragmentDoc,
    "\n  query Need($id: ID!) {\n    need(id: $id) {\n      ...NeedFields\n    }\n  }\n": typeof types.NeedDocument,
    "\n  query MatchSuggestions($needId: ID!, $first: Int = 5) {\n    matchSuggestions(needId: $needId, first: $first) {\n      score\n      strength\n      reasonCodes {\n        code\n        params {\n          words\n          from\n          to\n          category\n          n\n          avg\n        }\n      }\n      project {\n        id\n        title\n        capacityPerMonth\n        orderCount\n        category {\n          id\n          code\n          name\n        }\n        unit {\n          id\n          name\n          agreementStatus\n        }\n      }\n    }\n  }\n": typeof types.MatchSuggestionsDocument,
    "\n  query OrderableProjects($search: String, $first: Int = 20) {\n    shelfProjects(filter: { status: ON_SHELF, search: $search }, first: $first) {\n      nodes {\n        id\n        title\n        unit {\n          id\n          name\n          agreementStatus\n        }\n      }\n    }\n  }\n": typeof types.OrderableProjectsDocument,
    "\n  mutation ReportNeed($input: ReportNeedInput!) {\n    reportNeed(input: $input) {\n      ...NeedFields\n    }\n  }\n": typeof types.ReportNeedDocument,
    "\n  mutation ScreenNeed($id: ID!, $version: Int, $accept: Boolean!, $comment: String) {\n    screenNeed(id: $id, version: $version, accept: $accept, comment: $comment) {\n      ...NeedFields\n    }\n  }\n": typeof types.ScreenNeedDocument,
    "\n  mutation OrderNeed($id: ID!, $version: Int, $shelfProjectIds: [ID!]!, $comment: String) {\n    orderNeed(id: $id, version: $version, shelfProjectIds: $shelfProjectIds, comment: $comment) {\n      ...NeedFields\n    }\n  }\n": typeof types.OrderNeedDocument,
    "\n  mutation ClaimNeed($id: ID!, $version: Int, $note: String) {\n    claimNeed(id: $id, version: $version, note: $note) {\n      ...NeedFields\n    }\n  }\n": typeof types.ClaimNeedDocument,
    "\n  mutation PlanNeed($id: ID!, $version: Int, $plan: String!, $dueAt: DateTime!, $deliveringUnitIds: [ID!]) {\n    planNeed(id: $id, version: $version, plan: $plan, dueAt: $dueAt, deliveringUnitIds: $deliveringUnitIds) {\n      ...NeedFields\n    }\n  }\n": typeof types.PlanNeedDocument,
    "\n  mutation AssignNeed($id: ID!, $version: Int, $assigneeId: ID!) {\n    assignNeed(id: $id, version: $version, assigneeId: $assigneeId) {\n      ...NeedFields\n    }\n  }\n": typeof types.AssignNeedDocument,
    "\n  mutation ResolveNeed($id: ID!, $version: Int, $resolution: String!) {\n    resolveNeed(id: $id, version: $version, resolution: $resolution) {\n      ...NeedFields\n    }\n  }\n": typeof types.ResolveNeedDocument,
    "\n  mutation FollowUpNeed($id: ID!, $version: Int, $satisfaction: Int!, $comment: String) {\n    followUpNeed(id: $id, version: $version, satisfaction: $satisfaction, comment: $comment) {\n      ...NeedFields\n    }\n  }\n": typeof types.FollowUpNeedDocument,
    "\n  mutation ReplanNeed($id: ID!, $version: Int!, $plan: String!, $dueAt: DateTime!, $reason: String!) {\n    replanNeed(id: $id, version: $version, plan: $plan, dueAt: $dueAt, reason: $reason) {\n      ...NeedFields\n    }\n  }\n": typeof types.ReplanNeedDocument,
    "\n  mutation ReassignNeed($id: ID!, $version: Int!, $assigneeId: ID!, $reason: String!) {\n    reassignNeed(id: $id, version: $version, assigneeId: $assigneeId, reason: $reason) {\n      ...NeedFields\n    }\n  }\n": typeof types.ReassignNeedDocument,
    "\n  mutation WithdrawNeedOrder($id: ID!, $version: Int!, $reason: String!) {\n    withdrawNeedOrder(id: $id, version: $version, reason: $reason) {\n      ...NeedFields\n    }\n  }\n": typeof types.WithdrawNeedOrderDocument,
    "\n  mutation ReopenNeed($id: ID!, $version: Int!, $reason: String!) {\n    reopenNeed(id: $id, version: $version, reason: $reason) {\n      ...NeedFields\n    }\n  }\n": typeof types.ReopenNeedDocument,
    "\n  query MyTasks($gridId: ID, $withFollowUps: Boolean!) {\n    assigned: needs(filter: { assignedToMe: true, status: [IN_PROGRESS] }, first: 50) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    followUps: needs(filter: { gridId: $gridId, status: [RESOLVED] }, first: 50) @include(if: $withFollowUps) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n  }\n": typeof types.MyTasksDocument,
    "\n  query ClaimHall($first: Int = 50) {\n    alliance {\n      id\n      maxOpenClaims\n    }\n    needs(filter: { claimable: true }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n        description\n      }\n    }\n  }\n": typeof types.ClaimHallDocument,
    "\n  query AssignableUsers {\n    users(status: ACTIVE) {\n      id\n      displayName\n      role\n      grid {\n        id\n        name\n      }\n      unit {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AssignableUsersDocument,
    "\n  query CommitteeQueueCounts {\n    toScreen: needs(filter: { status: [REPORTED] }, first: 1) {\n      totalCount\n    }\n    toOrder: needs(filter: { status: [ACCEPTED] }, first: 1) {\n      totalCount\n    }\n    overdue: needs(filter: { overdue: true }, first: 1) {\n      totalCount\n    }\n  }\n": typeof types.CommitteeQueueCountsDocument,
    "\n  query CommitteeQueue($filter: NeedFilter!, $first: Int = 50) {\n    needs(filter: $filter, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n  }\n": typeof types.CommitteeQueueDocument,
    "\n  fragment SlotFields on ServiceSlot {\n    id\n    startsAt\n    endsAt\n    capacity\n    booked\n    offHours\n  }\n": typeof types.SlotFieldsFragmentDoc,
    "\n  fragment BookingFields on Booking {\n    id\n    status\n    residentName\n    residentPhone\n    location\n    note\n    createdAt\n  }\n": typeof types.BookingFieldsFragmentDoc,
    "\n  query ServiceSlots($projectId: ID!, $from: Date!, $to: Date!) {\n    serviceSlots(projectId: $projectId, from: $from, to: $to) {\n      ...SlotFields\n    }\n  }\n": typeof types.ServiceSlotsDocument,
    "\n  query UnitBookings($from: Date!, $to: Date!, $unitId: ID) {\n    unitBookings(from: $from, to: $to, unitId: $unitId) {\n      ...BookingFields\n      slot {\n        ...SlotFields\n        project {\n          id\n          title\n          unit {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.UnitBookingsDocument,
    "\n  mutation CreateServiceSlots($projectId: ID!, $input: ServiceSlotsInput!) {\n    createServiceSlots(projectId: $projectId, input: $input) {\n      ...SlotFields\n    }\n  }\n": typeof types.CreateServiceSlotsDocument,
    "\n  mutation BookServiceSlot($slotId: ID!, $input: BookingInput!) {\n    bookServiceSlot(slotId: $slotId, input: $input) {\n      ...BookingFields\n      slot {\n        ...SlotFields\n      }\n    }\n  }\n": typeof types.BookServiceSlotDocument,
    "\n  mutation CompleteBooking($id: ID!, $outcome: BookingStatus!) {\n    completeBooking(id: $id, outcome: $outcome) {\n      ...BookingFields\n      slot {\n        ...SlotFields\n      }\n    }\n  }\n": typeof types.CompleteBookingDocument,
    "\n  mutation CancelBooking($id: ID!) {\n    cancelBooking(id: $id) {\n      ...BookingFields\n      slot {\n        ...SlotFields\n      }\n    }\n  }\n": typeof types.CancelBookingDocument,
    "\n  query Venues {\n    venues {\n      id\n      name\n      kind\n      capacity\n      opensAt\n      closesAt\n    }\n  }\n": typeof types.VenuesDocument,
    "\n  query VenueReservations($from: DateTime!, $to: DateTime!) {\n    venueReservations(from: $from, to: $to) {\n      id\n      status\n      purpose\n      startsAt\n      endsAt\n      residentName\n      residentPhone\n      venue {\n        id\n      }\n      unit {\n        id\n        name\n      }\n    }\n  }\n": typeof types.VenueReservationsDocument,
    "\n  mutation ReserveVenue($venueId: ID!, $startsAt: DateTime!, $endsAt: DateTime!, $purpose: String!) {\n    reserveVenue(venueId: $venueId, startsAt: $startsAt, endsAt: $endsAt, purpose: $purpose) {\n      id\n      status\n    }\n  }\n": typeof types.ReserveVenueDocument,
    "\n  mutation ConfirmVenueReservation($id: ID!) {\n    confirmVenueReservation(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ConfirmVenueReservationDocument,
    "\n  mutation CancelVenueReservation($id: ID!) {\n    cancelVenueReservation(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.CancelVenueReservationDocument,
    "\n  fragment ProjectFields on ShelfProject {\n    id\n    title\n    description\n    status\n    reviewComment\n    capacityPerMonth\n    tags\n    orderCount\n    createdAt\n    updatedAt\n    version\n    category {\n      id\n      code\n      name\n    }\n    unit {\n      id\n      name\n    }\n  }\n": typeof types.ProjectFieldsFragmentDoc,
    "\n  query ShelfProjects($filter: ShelfProjectFilter, $first: Int, $after: String) {\n    shelfProjects(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...ProjectFields\n      }\n    }\n  }\n": typeof types.ShelfProjectsDocument,
    "\n  query ShelfProject($id: ID!) {\n    shelfProject(id: $id) {\n      ...ProjectFields\n    }\n  }\n": typeof types.ShelfProjectDocument,
    "\n  mutation CreateShelfProject($input: ShelfProjectInput!) {\n    createShelfProject(input: $input) {\n      ...ProjectFields\n    }\n  }\n": typeof types.CreateShelfProjectDocument,
    "\n  mutation UpdateShelfProject($id: ID!, $version: Int!, $input: UpdateShelfProjectInput!) {\n    updateShelfProject(id: $id, version: $version, input: $input) {\n      ...ProjectFields\n    }\n  }\n": typeof types.UpdateShelfProjectDocument,
    "\n  mutation SubmitShelfProject($id: ID!) {\n    submitShelfProject(id: $id) {\n      ...ProjectFields\n    }\n  }\n": typeof types.SubmitShelfProjectDocument,
    "\n  mutation ReviewShelfProject($id: ID!, $approve: Boolean!, $comment: String) {\n    reviewShelfProject(id: $id, approve: $approve, comment: $comment) {\n      ...ProjectFields\n    }\n  }\n": typeof types.ReviewShelfProjectDocument,
    "\n  mutation TakeDownShelfProject($id: ID!, $reason: String!) {\n    takeDownShelfProject(id: $id, reason: $reason) {\n      ...ProjectFields\n    }\n  }\n": typeof types.TakeDownShelfProjectDocument,
    "\n  query ReviewQueue($first: Int, $after: String) {\n    shelfProjects(filter: { status: PENDING_REVIEW }, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...ProjectFields\n        unit {\n          id\n          agreementStatus\n        }\n      }\n    }\n  }\n": typeof types.ReviewQueueDocument,
    "\n  query MemberUnits($filter: MemberUnitFilter, $first: Int, $after: String) {\n    memberUnits(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        name\n        kind\n        status\n        contactName\n        contactPhone\n        partyMemberCount\n        points\n        joinedAt\n        agreement {\n          id\n          validUntil\n        }\n      }\n    }\n  }\n": typeof types.MemberUnitsDocument,
    "\n  fragment UnitFields on MemberUnit {\n    id\n    name\n    kind\n    creditCode\n    partyOrgName\n    partyMemberCount\n    contactName\n    contactPhone\n    address\n    status\n    joinedAt\n    points\n    version\n    agreement {\n      id\n      signedAt\n      validUntil\n      responsibilities\n    }\n  }\n": typeof types.UnitFieldsFragmentDoc,
    "\n  query MemberUnit($id: ID!) {\n    memberUnit(id: $id) {\n      ...UnitFields\n      shelfProjects {\n        id\n        title\n        status\n        orderCount\n        category {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n": typeof types.MemberUnitDocument,
    "\n  query UnitOptions {\n    memberUnits(first: 100, filter: { status: ACTIVE }) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.UnitOptionsDocument,
    "\n  mutation CreateMemberUnit($input: CreateMemberUnitInput!) {\n    createMemberUnit(input: $input) {\n      ...UnitFields\n    }\n  }\n": typeof types.CreateMemberUnitDocument,
    "\n  mutation UpdateMemberUnit($id: ID!, $version: Int!, $input: UpdateMemberUnitInput!) {\n    updateMemberUnit(id: $id, version: $version, input: $input) {\n      ...UnitFields\n    }\n  }\n": typeof types.UpdateMemberUnitDocument,
    "\n  mutation SignAgreement($unitId: ID!, $input: AgreementInput!) {\n    signAgreement(unitId: $unitId, input: $input) {\n      id\n      signedAt\n      validUntil\n      responsibilities\n    }\n  }\n": typeof types.SignAgreementDocument,
    "\n  query UnitNames {\n    memberUnits(first: 100) {\n      nodes {\n        id\n        name\n        status\n      }\n    }\n  }\n": typeof types.UnitNamesDocument,
    "\n  query PointsLedger($unitId: ID!, $from: Date, $to: Date, $first: Int, $after: String) {\n    pointsLedger(unitId: $unitId, from: $from, to: $to, first: $first, after: $after) {\n      totalCount\n      totalPoints\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        points\n        source\n        earnedAt\n        note\n        activity {\n          id\n          title\n        }\n        need {\n          id\n          title\n        }\n      }\n    }\n  }\n": typeof types.PointsLedgerDocument,
};
const documents: Documents = {
    "\n  fragment AccountFields on User {\n    id\n    username\n    displayName\n    role\n    status\n    mustChangePassword\n    phone\n    lastSignInAt\n    createdAt\n    disabledReason\n    disabledAt\n    unit {\n      id\n      name\n    }\n    grid {\n      id\n      name\n    }\n  }\n": types.AccountFieldsFragmentDoc,
    "\n  query Accounts($role: Role, $status: UserStatus, $search: String) {\n    users(role: $role, status: $status, search: $search) {\n      ...AccountFields\n    }\n  }\n": types.AccountsDocument,
    "\n  query AccountOptions {\n    users {\n      id\n      username\n      displayName\n      role\n      status\n    }\n  }\n": types.AccountOptionsDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      temporaryPassword\n      user {\n        ...AccountFields\n      }\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...AccountFields\n    }\n  }\n": types.UpdateUserDocument,
    "\n  mutation DisableUser($id: ID!, $reason: String!) {\n    disableUser(id: $id, reason: $reason) {\n      ...AccountFields\n    }\n  }\n": types.DisableUserDocument,
    "\n  mutation EnableUser($id: ID!) {\n    enableUser(id: $id) {\n      ...AccountFields\n    }\n  }\n": types.EnableUserDocument,
    "\n  mutation ResetUserPassword($id: ID!) {\n    resetUserPassword(id: $id)\n  }\n": types.ResetUserPasswordDocument,
    "\n  fragment ActivityCard on Activity {\n    id\n    title\n    kind\n    status\n    startsAt\n    endsAt\n    location\n    maxUnits\n    confirmedCount\n    version\n    recordedAfterwards\n    category {\n      id\n      code\n      name\n    }\n  }\n": types.ActivityCardFragmentDoc,
    "\n  query Activities($filter: ActivityFilter, $first: Int, $after: String) {\n    activities(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...ActivityCard\n      }\n    }\n  }\n": types.ActivitiesDocument,
    "\n  fragment ActivityFields on Activity {\n    ...ActivityCard\n    description\n    shelfProjects {\n      id\n      title\n      unit {\n        id\n        name\n      }\n    }\n    needs {\n      id\n      title\n      status\n    }\n    signups {\n      id\n      status\n      headcount\n      note\n      createdAt\n      unit {\n        id\n        name\n      }\n    }\n    outcome {\n      participants\n      volunteerHours\n      beneficiaries\n      summary\n    }\n  }\n": types.ActivityFieldsFragmentDoc,
    "\n  query Activity($id: ID!) {\n    activity(id: $id) {\n      ...ActivityFields\n    }\n  }\n": types.ActivityDocument,
    "\n  mutation CreateActivity($input: ActivityInput!) {\n    createActivity(input: $input) {\n      ...ActivityFields\n    }\n  }\n": types.CreateActivityDocument,
    "\n  mutation UpdateActivity($id: ID!, $version: Int!, $input: UpdateActivityInput!) {\n    updateActivity(id: $id, version: $version, input: $input) {\n      ...ActivityFields\n    }\n  }\n": types.UpdateActivityDocument,
    "\n  mutation PublishActivity($id: ID!) {\n    publishActivity(id: $id) {\n      ...ActivityFields\n    }\n  }\n": types.PublishActivityDocument,
    "\n  mutation StartActivity($id: ID!) {\n    startActivity(id: $id) {\n      ...ActivityFields\n    }\n  }\n": types.StartActivityDocument,
    "\n  mutation CompleteActivity($id: ID!, $outcome: ActivityOutcomeInput!) {\n    completeActivity(id: $id, outcome: $outcome) {\n      ...ActivityFields\n    }\n  }\n": types.CompleteActivityDocument,
    "\n  mutation CancelActivity($id: ID!, $reason: String!) {\n    cancelActivity(id: $id, reason: $reason) {\n      ...ActivityFields\n    }\n  }\n": types.CancelActivityDocument,
    "\n  mutation SignUpForActivity($activityId: ID!, $headcount: Int!, $note: String, $unitId: ID) {\n    signUpForActivity(activityId: $activityId, headcount: $headcount, note: $note, unitId: $unitId) {\n      id\n      status\n      activity {\n        ...ActivityFields\n      }\n    }\n  }\n": types.SignUpForActivityDocument,
    "\n  mutation WithdrawSignup($id: ID!) {\n    withdrawSignup(id: $id) {\n      id\n      status\n      activity {\n        ...ActivityFields\n      }\n    }\n  }\n": types.WithdrawSignupDocument,
    "\n  mutation RecordPastActivity($input: RecordPastActivityInput!) {\n    recordPastActivity(input: $input) {\n      ...ActivityFields\n    }\n  }\n": types.RecordPastActivityDocument,
    "\n  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        at\n        actorName\n        actor {\n          id\n          displayName\n        }\n        clientAddress\n        action\n        subjectType\n        subjectId\n        summary\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  fragment SessionUser on User {\n    id\n    username\n    displayName\n    role\n    mustChangePassword\n    unit {\n      id\n      name\n    }\n    grid {\n      id\n      name\n    }\n  }\n": types.SessionUserFragmentDoc,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  query MyAccount {\n    me {\n      ...SessionUser\n      phone\n      status\n      lastSignInAt\n      createdAt\n    }\n  }\n": types.MyAccountDocument,
    "\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n": types.MeDocument,
    "\n  query Alliance {\n    alliance {\n      id\n      name\n      regionName\n      categories {\n        id\n        code\n        name\n      }\n      grids {\n        id\n        name\n        branchName\n      }\n    }\n  }\n": types.AllianceDocument,
    "\n  query CommunityProfile {\n    alliance {\n      id\n      name\n      regionName\n      households\n      residents\n      foundedYear\n      profileVersion\n    }\n    partyBranches {\n      id\n      name\n      kind\n      version\n      memberCount\n      grid {\n        id\n        name\n      }\n      groups {\n        id\n        name\n        kind\n        version\n        memberCount\n      }\n    }\n  }\n": types.CommunityProfileDocument,
    "\n  mutation UpdateCommunityProfile($input: CommunityProfileInput!, $version: Int) {\n    updateCommunityProfile(input: $input, version: $version) {\n      id\n      households\n      residents\n      foundedYear\n      profileVersion\n    }\n  }\n": types.UpdateCommunityProfileDocument,
    "\n  mutation CreatePartyBranch($input: PartyBranchInput!) {\n    createPartyBranch(input: $input) {\n      id\n    }\n  }\n": types.CreatePartyBranchDocument,
    "\n  mutation UpdatePartyBranch($id: ID!, $version: Int!, $input: UpdatePartyBranchInput!) {\n    updatePartyBranch(id: $id, version: $version, input: $input) {\n      id\n      name\n      kind\n      version\n    }\n  }\n": types.UpdatePartyBranchDocument,
    "\n  mutation CreatePartyGroup($input: PartyGroupInput!) {\n    createPartyGroup(input: $input) {\n      id\n    }\n  }\n": types.CreatePartyGroupDocument,
    "\n  mutation UpdatePartyGroup($id: ID!, $version: Int!, $input: UpdatePartyGroupInput!) {\n    updatePartyGroup(id: $id, version: $version, input: $input) {\n      id\n      name\n      kind\n      version\n    }\n  }\n": types.UpdatePartyGroupDocument,
    "\n  query PartyBranchOptions {\n    partyBranches {\n      id\n      name\n      kind\n      grid {\n        id\n      }\n      groups {\n        id\n        name\n      }\n    }\n  }\n": types.PartyBranchOptionsDocument,
    "\n  query PartyMembers($filter: PartyMemberFilter, $first: Int, $after: String) {\n    partyMembers(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        name\n        gender\n        phone\n        joinedPartyOn\n        gridDuty\n        status\n        transferredOutOn\n        version\n        branch {\n          id\n          name\n        }\n        group {\n          id\n          name\n        }\n        grid {\n          id\n          name\n        }\n        account {\n          id\n          username\n        }\n        buildings {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.PartyMembersDocument,
    "\n  mutation CreatePartyMember($input: CreatePartyMemberInput!) {\n    createPartyMember(input: $input) {\n      id\n    }\n  }\n": types.CreatePartyMemberDocument,
    "\n  mutation UpdatePartyMember($id: ID!, $version: Int!, $input: UpdatePartyMemberInput!) {\n    updatePartyMember(id: $id, version: $version, input: $input) {\n      id\n      version\n    }\n  }\n": types.UpdatePartyMemberDocument,
    "\n  mutation TransferPartyMember($id: ID!, $version: Int!, $on: Date) {\n    transferPartyMember(id: $id, version: $version, on: $on) {\n      id\n      status\n      transferredOutOn\n      version\n    }\n  }\n": types.TransferPartyMemberDocument,
    "\n  query Buildings($gridId: ID) {\n    buildings(gridId: $gridId) {\n      id\n      name\n      households\n      covered\n      version\n      grid {\n        id\n        name\n      }\n      workers {\n        id\n        name\n        phone\n        gridDuty\n      }\n    }\n    coverage(gridId: $gridId) {\n      buildings\n      buildingsCovered\n      minWorkers\n      maxBuildingsPerWorker\n      uncoveredBuildings {\n        id\n        name\n      }\n      overloadedWorkers {\n        buildings\n        member {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.BuildingsDocument,
    "\n  query GridRedWorkers($gridId: ID!) {\n    partyMembers(filter: { gridId: $gridId, gridDuty: [FULL_TIME, PART_TIME], status: ACTIVE }, first: 100) {\n      nodes {\n        id\n        name\n        gridDuty\n        buildings {\n          id\n        }\n      }\n    }\n  }\n": types.GridRedWorkersDocument,
    "\n  mutation AssignBuildingWorkers($buildingId: ID!, $memberIds: [ID!]!) {\n    assignBuildingWorkers(buildingId: $buildingId, memberIds: $memberIds) {\n      id\n      covered\n      workers {\n        id\n        name\n      }\n    }\n  }\n": types.AssignBuildingWorkersDocument,
    "\n  mutation CreateBuilding($input: BuildingInput!) {\n    createBuilding(input: $input) {\n      id\n    }\n  }\n": types.CreateBuildingDocument,
    "\n  query Commitments($year: Int!, $filter: CommitmentFilter, $first: Int, $after: String) {\n    commitments(year: $year, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        year\n        category\n        text\n        status\n        rating\n        evaluationComment\n        publishedAt\n        version\n        member {\n          id\n          name\n          branch {\n            id\n            name\n          }\n        }\n        notes {\n          at\n          text\n        }\n      }\n    }\n  }\n": types.CommitmentsDocument,
    "\n  mutation CreateCommitment($input: CommitmentInput!) {\n    createCommitment(input: $input) {\n      id\n    }\n  }\n": types.CreateCommitmentDocument,
    "\n  mutation PublishCommitment($id: ID!, $version: Int!) {\n    publishCommitment(id: $id, version: $version) {\n      id\n      status\n      publishedAt\n      version\n    }\n  }\n": types.PublishCommitmentDocument,
    "\n  mutation AddCommitmentProgress($id: ID!, $text: String!) {\n    addCommitmentProgress(id: $id, text: $text) {\n      id\n      version\n      notes {\n        at\n        text\n      }\n    }\n  }\n": types.AddCommitmentProgressDocument,
    "\n  mutation EvaluateCommitment($id: ID!, $version: Int!, $rating: CommitmentRating!, $comment: String) {\n    evaluateCommitment(id: $id, version: $version, rating: $rating, comment: $comment) {\n      id\n      status\n      rating\n      evaluationComment\n      version\n    }\n  }\n": types.EvaluateCommitmentDocument,
    "\n  query CommunityDashboard($year: Int) {\n    dashboard {\n      community {\n        households\n        residents\n        branches\n        gridBranches\n        groups\n        members\n        redGridWorkers\n        buildings\n        buildingsCovered\n      }\n      commitments(year: $year) {\n        year\n        published\n        evaluated\n        byRating {\n          rating\n          count\n        }\n      }\n    }\n    gridOverview {\n      openNeeds\n      overdueNeeds\n      buildings\n      buildingsCovered\n      members\n      grid {\n        id\n        name\n        branchName\n        outline\n      }\n    }\n  }\n": types.CommunityDashboardDocument,
    "\n  query GridDetail($gridId: ID!) {\n    needs(filter: { gridId: $gridId, status: [REPORTED, ACCEPTED, ORDERED, PLANNED, IN_PROGRESS] }, first: 20) {\n      totalCount\n      nodes {\n        id\n        title\n        status\n        dueAt\n      }\n    }\n    buildings(gridId: $gridId) {\n      id\n      name\n      households\n      covered\n      workers {\n        id\n        name\n      }\n    }\n  }\n": types.GridDetailDocument,
    "\n  query Dashboard($from: Date, $to: Date) {\n    dashboard(from: $from, to: $to) {\n      computedAt\n      unitCount\n      signedAgreementCount\n      shelfProjectsOnShelf\n      shelfProjectsByCategory {\n        count\n        category {\n          id\n          code\n          name\n        }\n      }\n      needsReported\n      needsResolved\n      needsOverdue\n      needsByStatus {\n        status\n        count\n      }\n      averageSatisfaction\n      activitiesCompleted\n      activitiesByMonth {\n        month\n        count\n      }\n      volunteerHours\n      beneficiaries\n      bookingsDone\n      offHoursBookingsDone\n      topUnits(first: 10) {\n        points\n        activities\n        unit {\n          id\n          name\n        }\n      }\n    }\n    overdue: needs(filter: { overdue: true }, first: 10) {\n      totalCount\n      nodes {\n        id\n        title\n        status\n        dueAt\n        grid {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.DashboardDocument,
    "\n  query ThesaurusGroups {\n    thesaurusGroups {\n      id\n      words\n      own\n      createdAt\n      version\n    }\n  }\n": types.ThesaurusGroupsDocument,
    "\n  mutation AddThesaurusGroup($words: [String!]!) {\n    addThesaurusGroup(words: $words) {\n      id\n      words\n      own\n      createdAt\n      version\n    }\n  }\n": types.AddThesaurusGroupDocument,
    "\n  mutation RemoveThesaurusGroup($id: ID!, $version: Int!) {\n    removeThesaurusGroup(id: $id, version: $version)\n  }\n": types.RemoveThesaurusGroupDocument,
    "\n  fragment NeedCard on Need {\n    id\n    title\n    status\n    location\n    reportedAt\n    dueAt\n    version\n    grid {\n      id\n      name\n    }\n    category {\n      id\n      code\n      name\n    }\n    assignee {\n      id\n      displayName\n    }\n    claimedBy {\n      id\n      name\n    }\n  }\n": types.NeedCardFragmentDoc,
    "\n  query NeedsBoard($gridId: ID, $search: String, $first: Int = 20) {\n    reported: needs(filter: { status: [REPORTED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    accepted: needs(filter: { status: [ACCEPTED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    ordered: needs(filter: { status: [ORDERED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    planned: needs(filter: { status: [PLANNED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    inProgress: needs(filter: { status: [IN_PROGRESS], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    resolved: needs(filter: { status: [RESOLVED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    closed: needs(filter: { status: [CLOSED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    rejected: needs(filter: { status: [REJECTED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n  }\n": types.NeedsBoardDocument,
    "\n  fragment NeedFields on Need {\n    ...NeedCard\n    description\n    requesterName\n    requesterPhone\n    plan\n    resolution\n    satisfaction\n    orderedProjects {\n      id\n      title\n      unit {\n        id\n        name\n      }\n    }\n    deliveringUnits {\n      id\n      name\n    }\n    history {\n      at\n      from\n      to\n      comment\n      actor {\n        id\n        displayName\n        role\n      }\n    }\n  }\n": types.NeedFieldsFragmentDoc,
    "\n  query Need($id: ID!) {\n    need(id: $id) {\n      ...NeedFields\n    }\n  }\n": types.NeedDocument,
    "\n  query MatchSuggestions($needId: ID!, $first: Int = 5) {\n    matchSuggestions(needId: $needId, first: $first) {\n      score\n      strength\n      reasonCodes {\n        code\n        params {\n          words\n          from\n          to\n          category\n          n\n          avg\n        }\n      }\n      project {\n        id\n        title\n        capacityPerMonth\n        orderCount\n        category {\n          id\n          code\n          name\n        }\n        unit {\n          id\n          name\n          agreementStatus\n        }\n      }\n    }\n  }\n": types.MatchSuggestionsDocument,
    "\n  query OrderableProjects($search: String, $first: Int = 20) {\n    shelfProjects(filter: { status: ON_SHELF, search: $search }, first: $first) {\n      nodes {\n        id\n        title\n        unit {\n          id\n          name\n          agreementStatus\n        }\n      }\n    }\n  }\n": types.OrderableProjectsDocument,
    "\n  mutation ReportNeed($input: ReportNeedInput!) {\n    reportNeed(input: $input) {\n      ...NeedFields\n    }\n  }\n": types.ReportNeedDocument,
    "\n  mutation ScreenNeed($id: ID!, $version: Int, $accept: Boolean!, $comment: String) {\n    screenNeed(id: $id, version: $version, accept: $accept, comment: $comment) {\n      ...NeedFields\n    }\n  }\n": types.ScreenNeedDocument,
    "\n  mutation OrderNeed($id: ID!, $version: Int, $shelfProjectIds: [ID!]!, $comment: String) {\n    orderNeed(id: $id, version: $version, shelfProjectIds: $shelfProjectIds, comment: $comment) {\n      ...NeedFields\n    }\n  }\n": types.OrderNeedDocument,
    "\n  mutation ClaimNeed($id: ID!, $version: Int, $note: String) {\n    claimNeed(id: $id, version: $version, note: $note) {\n      ...NeedFields\n    }\n  }\n": types.ClaimNeedDocument,
    "\n  mutation PlanNeed($id: ID!, $version: Int, $plan: String!, $dueAt: DateTime!, $deliveringUnitIds: [ID!]) {\n    planNeed(id: $id, version: $version, plan: $plan, dueAt: $dueAt, deliveringUnitIds: $deliveringUnitIds) {\n      ...NeedFields\n    }\n  }\n": types.PlanNeedDocument,
    "\n  mutation AssignNeed($id: ID!, $version: Int, $assigneeId: ID!) {\n    assignNeed(id: $id, version: $version, assigneeId: $assigneeId) {\n      ...NeedFields\n    }\n  }\n": types.AssignNeedDocument,
    "\n  mutation ResolveNeed($id: ID!, $version: Int, $resolution: String!) {\n    resolveNeed(id: $id, version: $version, resolution: $resolution) {\n      ...NeedFields\n    }\n  }\n": types.ResolveNeedDocument,
    "\n  mutation FollowUpNeed($id: ID!, $version: Int, $satisfaction: Int!, $comment: String) {\n    followUpNeed(id: $id, version: $version, satisfaction: $satisfaction, comment: $comment) {\n      ...NeedFields\n    }\n  }\n": types.FollowUpNeedDocument,
    "\n  mutation ReplanNeed($id: ID!, $version: Int!, $plan: String!, $dueAt: DateTime!, $reason: String!) {\n    replanNeed(id: $id, version: $version, plan: $plan, dueAt: $dueAt, reason: $reason) {\n      ...NeedFields\n    }\n  }\n": types.ReplanNeedDocument,
    "\n  mutation ReassignNeed($id: ID!, $version: Int!, $assigneeId: ID!, $reason: String!) {\n    reassignNeed(id: $id, version: $version, assigneeId: $assigneeId, reason: $reason) {\n      ...NeedFields\n    }\n  }\n": types.ReassignNeedDocument,
    "\n  mutation WithdrawNeedOrder($id: ID!, $version: Int!, $reason: String!) {\n    withdrawNeedOrder(id: $id, version: $version, reason: $reason) {\n      ...NeedFields\n    }\n  }\n": types.WithdrawNeedOrderDocument,
    "\n  mutation ReopenNeed($id: ID!, $version: Int!, $reason: String!) {\n    reopenNeed(id: $id, version: $version, reason: $reason) {\n      ...NeedFields\n    }\n  }\n": types.ReopenNeedDocument,
    "\n  query MyTasks($gridId: ID, $withFollowUps: Boolean!) {\n    assigned: needs(filter: { assignedToMe: true, status: [IN_PROGRESS] }, first: 50) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    followUps: needs(filter: { gridId: $gridId, status: [RESOLVED] }, first: 50) @include(if: $withFollowUps) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n  }\n": types.MyTasksDocument,
    "\n  query ClaimHall($first: Int = 50) {\n    alliance {\n      id\n      maxOpenClaims\n    }\n    needs(filter: { claimable: true }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n        description\n      }\n    }\n  }\n": types.ClaimHallDocument,
    "\n  query AssignableUsers {\n    users(status: ACTIVE) {\n      id\n      displayName\n      role\n      grid {\n        id\n        name\n      }\n      unit {\n        id\n        name\n      }\n    }\n  }\n": types.AssignableUsersDocument,
    "\n  query CommitteeQueueCounts {\n    toScreen: needs(filter: { status: [REPORTED] }, first: 1) {\n      totalCount\n    }\n    toOrder: needs(filter: { status: [ACCEPTED] }, first: 1) {\n      totalCount\n    }\n    overdue: needs(filter: { overdue: true }, first: 1) {\n      totalCount\n    }\n  }\n": types.CommitteeQueueCountsDocument,
    "\n  query CommitteeQueue($filter: NeedFilter!, $first: Int = 50) {\n    needs(filter: $filter, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n  }\n": types.CommitteeQueueDocument,
    "\n  fragment SlotFields on ServiceSlot {\n    id\n    startsAt\n    endsAt\n    capacity\n    booked\n    offHours\n  }\n": types.SlotFieldsFragmentDoc,
    "\n  fragment BookingFields on Booking {\n    id\n    status\n    residentName\n    residentPhone\n    location\n    note\n    createdAt\n  }\n": types.BookingFieldsFragmentDoc,
    "\n  query ServiceSlots($projectId: ID!, $from: Date!, $to: Date!) {\n    serviceSlots(projectId: $projectId, from: $from, to: $to) {\n      ...SlotFields\n    }\n  }\n": types.ServiceSlotsDocument,
    "\n  query UnitBookings($from: Date!, $to: Date!, $unitId: ID) {\n    unitBookings(from: $from, to: $to, unitId: $unitId) {\n      ...BookingFields\n      slot {\n        ...SlotFields\n        project {\n          id\n          title\n          unit {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.UnitBookingsDocument,
    "\n  mutation CreateServiceSlots($projectId: ID!, $input: ServiceSlotsInput!) {\n    createServiceSlots(projectId: $projectId, input: $input) {\n      ...SlotFields\n    }\n  }\n": types.CreateServiceSlotsDocument,
    "\n  mutation BookServiceSlot($slotId: ID!, $input: BookingInput!) {\n    bookServiceSlot(slotId: $slotId, input: $input) {\n      ...BookingFields\n      slot {\n        ...SlotFields\n      }\n    }\n  }\n": types.BookServiceSlotDocument,
    "\n  mutation CompleteBooking($id: ID!, $outcome: BookingStatus!) {\n    completeBooking(id: $id, outcome: $outcome) {\n      ...BookingFields\n      slot {\n        ...SlotFields\n      }\n    }\n  }\n": types.CompleteBookingDocument,
    "\n  mutation CancelBooking($id: ID!) {\n    cancelBooking(id: $id) {\n      ...BookingFields\n      slot {\n        ...SlotFields\n      }\n    }\n  }\n": types.CancelBookingDocument,
    "\n  query Venues {\n    venues {\n      id\n      name\n      kind\n      capacity\n      opensAt\n      closesAt\n    }\n  }\n": types.VenuesDocument,
    "\n  query VenueReservations($from: DateTime!, $to: DateTime!) {\n    venueReservations(from: $from, to: $to) {\n      id\n      status\n      purpose\n      startsAt\n      endsAt\n      residentName\n      residentPhone\n      venue {\n        id\n      }\n      unit {\n        id\n        name\n      }\n    }\n  }\n": types.VenueReservationsDocument,
    "\n  mutation ReserveVenue($venueId: ID!, $startsAt: DateTime!, $endsAt: DateTime!, $purpose: String!) {\n    reserveVenue(venueId: $venueId, startsAt: $startsAt, endsAt: $endsAt, purpose: $purpose) {\n      id\n      status\n    }\n  }\n": types.ReserveVenueDocument,
    "\n  mutation ConfirmVenueReservation($id: ID!) {\n    confirmVenueReservation(id: $id) {\n      id\n      status\n    }\n  }\n": types.ConfirmVenueReservationDocument,
    "\n  mutation CancelVenueReservation($id: ID!) {\n    cancelVenueReservation(id: $id) {\n      id\n      status\n    }\n  }\n": types.CancelVenueReservationDocument,
    "\n  fragment ProjectFields on ShelfProject {\n    id\n    title\n    description\n    status\n    reviewComment\n    capacityPerMonth\n    tags\n    orderCount\n    createdAt\n    updatedAt\n    version\n    category {\n      id\n      code\n      name\n    }\n    unit {\n      id\n      name\n    }\n  }\n": types.ProjectFieldsFragmentDoc,
    "\n  query ShelfProjects($filter: ShelfProjectFilter, $first: Int, $after: String) {\n    shelfProjects(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...ProjectFields\n      }\n    }\n  }\n": types.ShelfProjectsDocument,
    "\n  query ShelfProject($id: ID!) {\n    shelfProject(id: $id) {\n      ...ProjectFields\n    }\n  }\n": types.ShelfProjectDocument,
    "\n  mutation CreateShelfProject($input: ShelfProjectInput!) {\n    createShelfProject(input: $input) {\n      ...ProjectFields\n    }\n  }\n": types.CreateShelfProjectDocument,
    "\n  mutation UpdateShelfProject($id: ID!, $version: Int!, $input: UpdateShelfProjectInput!) {\n    updateShelfProject(id: $id, version: $version, input: $input) {\n      ...ProjectFields\n    }\n  }\n": types.UpdateShelfProjectDocument,
    "\n  mutation SubmitShelfProject($id: ID!) {\n    submitShelfProject(id: $id) {\n      ...ProjectFields\n    }\n  }\n": types.SubmitShelfProjectDocument,
    "\n  mutation ReviewShelfProject($id: ID!, $approve: Boolean!, $comment: String) {\n    reviewShelfProject(id: $id, approve: $approve, comment: $comment) {\n      ...ProjectFields\n    }\n  }\n": types.ReviewShelfProjectDocument,
    "\n  mutation TakeDownShelfProject($id: ID!, $reason: String!) {\n    takeDownShelfProject(id: $id, reason: $reason) {\n      ...ProjectFields\n    }\n  }\n": types.TakeDownShelfProjectDocument,
    "\n  query ReviewQueue($first: Int, $after: String) {\n    shelfProjects(filter: { status: PENDING_REVIEW }, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...ProjectFields\n        unit {\n          id\n          agreementStatus\n        }\n      }\n    }\n  }\n": types.ReviewQueueDocument,
    "\n  query MemberUnits($filter: MemberUnitFilter, $first: Int, $after: String) {\n    memberUnits(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        name\n        kind\n        status\n        contactName\n        contactPhone\n        partyMemberCount\n        points\n        joinedAt\n        agreement {\n          id\n          validUntil\n        }\n      }\n    }\n  }\n": types.MemberUnitsDocument,
    "\n  fragment UnitFields on MemberUnit {\n    id\n    name\n    kind\n    creditCode\n    partyOrgName\n    partyMemberCount\n    contactName\n    contactPhone\n    address\n    status\n    joinedAt\n    points\n    version\n    agreement {\n      id\n      signedAt\n      validUntil\n      responsibilities\n    }\n  }\n": types.UnitFieldsFragmentDoc,
    "\n  query MemberUnit($id: ID!) {\n    memberUnit(id: $id) {\n      ...UnitFields\n      shelfProjects {\n        id\n        title\n        status\n        orderCount\n        category {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n": types.MemberUnitDocument,
    "\n  query UnitOptions {\n    memberUnits(first: 100, filter: { status: ACTIVE }) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.UnitOptionsDocument,
    "\n  mutation CreateMemberUnit($input: CreateMemberUnitInput!) {\n    createMemberUnit(input: $input) {\n      ...UnitFields\n    }\n  }\n": types.CreateMemberUnitDocument,
    "\n  mutation UpdateMemberUnit($id: ID!, $version: Int!, $input: UpdateMemberUnitInput!) {\n    updateMemberUnit(id: $id, version: $version, input: $input) {\n      ...UnitFields\n    }\n  }\n": types.UpdateMemberUnitDocument,
    "\n  mutation SignAgreement($unitId: ID!, $input: AgreementInput!) {\n    signAgreement(unitId: $unitId, input: $input) {\n      id\n      signedAt\n      validUntil\n      responsibilities\n    }\n  }\n": types.SignAgreementDocument,
    "\n  query UnitNames {\n    memberUnits(first: 100) {\n      nodes {\n        id\n        name\n        status\n      }\n    }\n  }\n": types.UnitNamesDocument,
    "\n  query PointsLedger($unitId: ID!, $from: Date, $to: Date, $first: Int, $after: String) {\n    pointsLedger(unitId: $unitId, from: $from, to: $to, first: $first, after: $after) {\n      totalCount\n      totalPoints\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        points\n        source\n        earnedAt\n        note\n        activity {\n          id\n          title\n        }\n        need {\n          id\n          title\n        }\n      }\n    }\n  }\n": types.PointsLedgerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AccountFields on User {\n    id\n    username\n    displayName\n    role\n    status\n    mustChangePassword\n    phone\n    lastSignInAt\n    createdAt\n    disabledReason\n    disabledAt\n    unit {\n      id\n      name\n    }\n    grid {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment AccountFields on User {\n    id\n    username\n    displayName\n    role\n    status\n    mustChangePassword\n    phone\n    lastSignInAt\n    createdAt\n    disabledReason\n    disabledAt\n    unit {\n      id\n      name\n    }\n    grid {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Accounts($role: Role, $status: UserStatus, $search: String) {\n    users(role: $role, status: $status, search: $search) {\n      ...AccountFields\n    }\n  }\n"): (typeof documents)["\n  query Accounts($role: Role, $status: UserStatus, $search: String) {\n    users(role: $role, status: $status, search: $search) {\n      ...AccountFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountOptions {\n    users {\n      id\n      username\n      displayName\n      role\n      status\n    }\n  }\n"): (typeof documents)["\n  query AccountOptions {\n    users {\n      id\n      username\n      displayName\n      role\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      temporaryPassword\n      user {\n        ...AccountFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      temporaryPassword\n      user {\n        ...AccountFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...AccountFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...AccountFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableUser($id: ID!, $reason: String!) {\n    disableUser(id: $id, reason: $reason) {\n      ...AccountFields\n    }\n  }\n"): (typeof documents)["\n  mutation DisableUser($id: ID!, $reason: String!) {\n    disableUser(id: $id, reason: $reason) {\n      ...AccountFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnableUser($id: ID!) {\n    enableUser(id: $id) {\n      ...AccountFields\n    }\n  }\n"): (typeof documents)["\n  mutation EnableUser($id: ID!) {\n    enableUser(id: $id) {\n      ...AccountFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetUserPassword($id: ID!) {\n    resetUserPassword(id: $id)\n  }\n"): (typeof documents)["\n  mutation ResetUserPassword($id: ID!) {\n    resetUserPassword(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActivityCard on Activity {\n    id\n    title\n    kind\n    status\n    startsAt\n    endsAt\n    location\n    maxUnits\n    confirmedCount\n    version\n    recordedAfterwards\n    category {\n      id\n      code\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ActivityCard on Activity {\n    id\n    title\n    kind\n    status\n    startsAt\n    endsAt\n    location\n    maxUnits\n    confirmedCount\n    version\n    recordedAfterwards\n    category {\n      id\n      code\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Activities($filter: ActivityFilter, $first: Int, $after: String) {\n    activities(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...ActivityCard\n      }\n    }\n  }\n"): (typeof documents)["\n  query Activities($filter: ActivityFilter, $first: Int, $after: String) {\n    activities(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...ActivityCard\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActivityFields on Activity {\n    ...ActivityCard\n    description\n    shelfProjects {\n      id\n      title\n      unit {\n        id\n        name\n      }\n    }\n    needs {\n      id\n      title\n      status\n    }\n    signups {\n      id\n      status\n      headcount\n      note\n      createdAt\n      unit {\n        id\n        name\n      }\n    }\n    outcome {\n      participants\n      volunteerHours\n      beneficiaries\n      summary\n    }\n  }\n"): (typeof documents)["\n  fragment ActivityFields on Activity {\n    ...ActivityCard\n    description\n    shelfProjects {\n      id\n      title\n      unit {\n        id\n        name\n      }\n    }\n    needs {\n      id\n      title\n      status\n    }\n    signups {\n      id\n      status\n      headcount\n      note\n      createdAt\n      unit {\n        id\n        name\n      }\n    }\n    outcome {\n      participants\n      volunteerHours\n      beneficiaries\n      summary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Activity($id: ID!) {\n    activity(id: $id) {\n      ...ActivityFields\n    }\n  }\n"): (typeof documents)["\n  query Activity($id: ID!) {\n    activity(id: $id) {\n      ...ActivityFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateActivity($input: ActivityInput!) {\n    createActivity(input: $input) {\n      ...ActivityFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateActivity($input: ActivityInput!) {\n    createActivity(input: $input) {\n      ...ActivityFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateActivity($id: ID!, $version: Int!, $input: UpdateActivityInput!) {\n    updateActivity(id: $id, version: $version, input: $input) {\n      ...ActivityFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateActivity($id: ID!, $version: Int!, $input: UpdateActivityInput!) {\n    updateActivity(id: $id, version: $version, input: $input) {\n      ...ActivityFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishActivity($id: ID!) {\n    publishActivity(id: $id) {\n      ...ActivityFields\n    }\n  }\n"): (typeof documents)["\n  mutation PublishActivity($id: ID!) {\n    publishActivity(id: $id) {\n      ...ActivityFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartActivity($id: ID!) {\n    startActivity(id: $id) {\n      ...ActivityFields\n    }\n  }\n"): (typeof documents)["\n  mutation StartActivity($id: ID!) {\n    startActivity(id: $id) {\n      ...ActivityFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteActivity($id: ID!, $outcome: ActivityOutcomeInput!) {\n    completeActivity(id: $id, outcome: $outcome) {\n      ...ActivityFields\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteActivity($id: ID!, $outcome: ActivityOutcomeInput!) {\n    completeActivity(id: $id, outcome: $outcome) {\n      ...ActivityFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelActivity($id: ID!, $reason: String!) {\n    cancelActivity(id: $id, reason: $reason) {\n      ...ActivityFields\n    }\n  }\n"): (typeof documents)["\n  mutation CancelActivity($id: ID!, $reason: String!) {\n    cancelActivity(id: $id, reason: $reason) {\n      ...ActivityFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUpForActivity($activityId: ID!, $headcount: Int!, $note: String, $unitId: ID) {\n    signUpForActivity(activityId: $activityId, headcount: $headcount, note: $note, unitId: $unitId) {\n      id\n      status\n      activity {\n        ...ActivityFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUpForActivity($activityId: ID!, $headcount: Int!, $note: String, $unitId: ID) {\n    signUpForActivity(activityId: $activityId, headcount: $headcount, note: $note, unitId: $unitId) {\n      id\n      status\n      activity {\n        ...ActivityFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawSignup($id: ID!) {\n    withdrawSignup(id: $id) {\n      id\n      status\n      activity {\n        ...ActivityFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawSignup($id: ID!) {\n    withdrawSignup(id: $id) {\n      id\n      status\n      activity {\n        ...ActivityFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordPastActivity($input: RecordPastActivityInput!) {\n    recordPastActivity(input: $input) {\n      ...ActivityFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecordPastActivity($input: RecordPastActivityInput!) {\n    recordPastActivity(input: $input) {\n      ...ActivityFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        at\n        actorName\n        actor {\n          id\n          displayName\n        }\n        clientAddress\n        action\n        subjectType\n        subjectId\n        summary\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        at\n        actorName\n        actor {\n          id\n          displayName\n        }\n        clientAddress\n        action\n        subjectType\n        subjectId\n        summary\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      user {\n        ...SessionUser\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      token\n      user {\n        ...SessionUser\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionUser on User {\n    id\n    username\n    displayName\n    role\n    mustChangePassword\n    unit {\n      id\n      name\n    }\n    grid {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment SessionUser on User {\n    id\n    username\n    displayName\n    role\n    mustChangePassword\n    unit {\n      id\n      name\n    }\n    grid {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAccount {\n    me {\n      ...SessionUser\n      phone\n      status\n      lastSignInAt\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query MyAccount {\n    me {\n      ...SessionUser\n      phone\n      status\n      lastSignInAt\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...SessionUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Alliance {\n    alliance {\n      id\n      name\n      regionName\n      categories {\n        id\n        code\n        name\n      }\n      grids {\n        id\n        name\n        branchName\n      }\n    }\n  }\n"): (typeof documents)["\n  query Alliance {\n    alliance {\n      id\n      name\n      regionName\n      categories {\n        id\n        code\n        name\n      }\n      grids {\n        id\n        name\n        branchName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunityProfile {\n    alliance {\n      id\n      name\n      regionName\n      households\n      residents\n      foundedYear\n      profileVersion\n    }\n    partyBranches {\n      id\n      name\n      kind\n      version\n      memberCount\n      grid {\n        id\n        name\n      }\n      groups {\n        id\n        name\n        kind\n        version\n        memberCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query CommunityProfile {\n    alliance {\n      id\n      name\n      regionName\n      households\n      residents\n      foundedYear\n      profileVersion\n    }\n    partyBranches {\n      id\n      name\n      kind\n      version\n      memberCount\n      grid {\n        id\n        name\n      }\n      groups {\n        id\n        name\n        kind\n        version\n        memberCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCommunityProfile($input: CommunityProfileInput!, $version: Int) {\n    updateCommunityProfile(input: $input, version: $version) {\n      id\n      households\n      residents\n      foundedYear\n      profileVersion\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCommunityProfile($input: CommunityProfileInput!, $version: Int) {\n    updateCommunityProfile(input: $input, version: $version) {\n      id\n      households\n      residents\n      foundedYear\n      profileVersion\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePartyBranch($input: PartyBranchInput!) {\n    createPartyBranch(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePartyBranch($input: PartyBranchInput!) {\n    createPartyBranch(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePartyBranch($id: ID!, $version: Int!, $input: UpdatePartyBranchInput!) {\n    updatePartyBranch(id: $id, version: $version, input: $input) {\n      id\n      name\n      kind\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePartyBranch($id: ID!, $version: Int!, $input: UpdatePartyBranchInput!) {\n    updatePartyBranch(id: $id, version: $version, input: $input) {\n      id\n      name\n      kind\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePartyGroup($input: PartyGroupInput!) {\n    createPartyGroup(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePartyGroup($input: PartyGroupInput!) {\n    createPartyGroup(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePartyGroup($id: ID!, $version: Int!, $input: UpdatePartyGroupInput!) {\n    updatePartyGroup(id: $id, version: $version, input: $input) {\n      id\n      name\n      kind\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePartyGroup($id: ID!, $version: Int!, $input: UpdatePartyGroupInput!) {\n    updatePartyGroup(id: $id, version: $version, input: $input) {\n      id\n      name\n      kind\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartyBranchOptions {\n    partyBranches {\n      id\n      name\n      kind\n      grid {\n        id\n      }\n      groups {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query PartyBranchOptions {\n    partyBranches {\n      id\n      name\n      kind\n      grid {\n        id\n      }\n      groups {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartyMembers($filter: PartyMemberFilter, $first: Int, $after: String) {\n    partyMembers(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        name\n        gender\n        phone\n        joinedPartyOn\n        gridDuty\n        status\n        transferredOutOn\n        version\n        branch {\n          id\n          name\n        }\n        group {\n          id\n          name\n        }\n        grid {\n          id\n          name\n        }\n        account {\n          id\n          username\n        }\n        buildings {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PartyMembers($filter: PartyMemberFilter, $first: Int, $after: String) {\n    partyMembers(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        name\n        gender\n        phone\n        joinedPartyOn\n        gridDuty\n        status\n        transferredOutOn\n        version\n        branch {\n          id\n          name\n        }\n        group {\n          id\n          name\n        }\n        grid {\n          id\n          name\n        }\n        account {\n          id\n          username\n        }\n        buildings {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePartyMember($input: CreatePartyMemberInput!) {\n    createPartyMember(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePartyMember($input: CreatePartyMemberInput!) {\n    createPartyMember(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePartyMember($id: ID!, $version: Int!, $input: UpdatePartyMemberInput!) {\n    updatePartyMember(id: $id, version: $version, input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePartyMember($id: ID!, $version: Int!, $input: UpdatePartyMemberInput!) {\n    updatePartyMember(id: $id, version: $version, input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TransferPartyMember($id: ID!, $version: Int!, $on: Date) {\n    transferPartyMember(id: $id, version: $version, on: $on) {\n      id\n      status\n      transferredOutOn\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation TransferPartyMember($id: ID!, $version: Int!, $on: Date) {\n    transferPartyMember(id: $id, version: $version, on: $on) {\n      id\n      status\n      transferredOutOn\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Buildings($gridId: ID) {\n    buildings(gridId: $gridId) {\n      id\n      name\n      households\n      covered\n      version\n      grid {\n        id\n        name\n      }\n      workers {\n        id\n        name\n        phone\n        gridDuty\n      }\n    }\n    coverage(gridId: $gridId) {\n      buildings\n      buildingsCovered\n      minWorkers\n      maxBuildingsPerWorker\n      uncoveredBuildings {\n        id\n        name\n      }\n      overloadedWorkers {\n        buildings\n        member {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Buildings($gridId: ID) {\n    buildings(gridId: $gridId) {\n      id\n      name\n      households\n      covered\n      version\n      grid {\n        id\n        name\n      }\n      workers {\n        id\n        name\n        phone\n        gridDuty\n      }\n    }\n    coverage(gridId: $gridId) {\n      buildings\n      buildingsCovered\n      minWorkers\n      maxBuildingsPerWorker\n      uncoveredBuildings {\n        id\n        name\n      }\n      overloadedWorkers {\n        buildings\n        member {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GridRedWorkers($gridId: ID!) {\n    partyMembers(filter: { gridId: $gridId, gridDuty: [FULL_TIME, PART_TIME], status: ACTIVE }, first: 100) {\n      nodes {\n        id\n        name\n        gridDuty\n        buildings {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GridRedWorkers($gridId: ID!) {\n    partyMembers(filter: { gridId: $gridId, gridDuty: [FULL_TIME, PART_TIME], status: ACTIVE }, first: 100) {\n      nodes {\n        id\n        name\n        gridDuty\n        buildings {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignBuildingWorkers($buildingId: ID!, $memberIds: [ID!]!) {\n    assignBuildingWorkers(buildingId: $buildingId, memberIds: $memberIds) {\n      id\n      covered\n      workers {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AssignBuildingWorkers($buildingId: ID!, $memberIds: [ID!]!) {\n    assignBuildingWorkers(buildingId: $buildingId, memberIds: $memberIds) {\n      id\n      covered\n      workers {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBuilding($input: BuildingInput!) {\n    createBuilding(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateBuilding($input: BuildingInput!) {\n    createBuilding(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Commitments($year: Int!, $filter: CommitmentFilter, $first: Int, $after: String) {\n    commitments(year: $year, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        year\n        category\n        text\n        status\n        rating\n        evaluationComment\n        publishedAt\n        version\n        member {\n          id\n          name\n          branch {\n            id\n            name\n          }\n        }\n        notes {\n          at\n          text\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Commitments($year: Int!, $filter: CommitmentFilter, $first: Int, $after: String) {\n    commitments(year: $year, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        year\n        category\n        text\n        status\n        rating\n        evaluationComment\n        publishedAt\n        version\n        member {\n          id\n          name\n          branch {\n            id\n            name\n          }\n        }\n        notes {\n          at\n          text\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCommitment($input: CommitmentInput!) {\n    createCommitment(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCommitment($input: CommitmentInput!) {\n    createCommitment(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishCommitment($id: ID!, $version: Int!) {\n    publishCommitment(id: $id, version: $version) {\n      id\n      status\n      publishedAt\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation PublishCommitment($id: ID!, $version: Int!) {\n    publishCommitment(id: $id, version: $version) {\n      id\n      status\n      publishedAt\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddCommitmentProgress($id: ID!, $text: String!) {\n    addCommitmentProgress(id: $id, text: $text) {\n      id\n      version\n      notes {\n        at\n        text\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddCommitmentProgress($id: ID!, $text: String!) {\n    addCommitmentProgress(id: $id, text: $text) {\n      id\n      version\n      notes {\n        at\n        text\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EvaluateCommitment($id: ID!, $version: Int!, $rating: CommitmentRating!, $comment: String) {\n    evaluateCommitment(id: $id, version: $version, rating: $rating, comment: $comment) {\n      id\n      status\n      rating\n      evaluationComment\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation EvaluateCommitment($id: ID!, $version: Int!, $rating: CommitmentRating!, $comment: String) {\n    evaluateCommitment(id: $id, version: $version, rating: $rating, comment: $comment) {\n      id\n      status\n      rating\n      evaluationComment\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunityDashboard($year: Int) {\n    dashboard {\n      community {\n        households\n        residents\n        branches\n        gridBranches\n        groups\n        members\n        redGridWorkers\n        buildings\n        buildingsCovered\n      }\n      commitments(year: $year) {\n        year\n        published\n        evaluated\n        byRating {\n          rating\n          count\n        }\n      }\n    }\n    gridOverview {\n      openNeeds\n      overdueNeeds\n      buildings\n      buildingsCovered\n      members\n      grid {\n        id\n        name\n        branchName\n        outline\n      }\n    }\n  }\n"): (typeof documents)["\n  query CommunityDashboard($year: Int) {\n    dashboard {\n      community {\n        households\n        residents\n        branches\n        gridBranches\n        groups\n        members\n        redGridWorkers\n        buildings\n        buildingsCovered\n      }\n      commitments(year: $year) {\n        year\n        published\n        evaluated\n        byRating {\n          rating\n          count\n        }\n      }\n    }\n    gridOverview {\n      openNeeds\n      overdueNeeds\n      buildings\n      buildingsCovered\n      members\n      grid {\n        id\n        name\n        branchName\n        outline\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GridDetail($gridId: ID!) {\n    needs(filter: { gridId: $gridId, status: [REPORTED, ACCEPTED, ORDERED, PLANNED, IN_PROGRESS] }, first: 20) {\n      totalCount\n      nodes {\n        id\n        title\n        status\n        dueAt\n      }\n    }\n    buildings(gridId: $gridId) {\n      id\n      name\n      households\n      covered\n      workers {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query GridDetail($gridId: ID!) {\n    needs(filter: { gridId: $gridId, status: [REPORTED, ACCEPTED, ORDERED, PLANNED, IN_PROGRESS] }, first: 20) {\n      totalCount\n      nodes {\n        id\n        title\n        status\n        dueAt\n      }\n    }\n    buildings(gridId: $gridId) {\n      id\n      name\n      households\n      covered\n      workers {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($from: Date, $to: Date) {\n    dashboard(from: $from, to: $to) {\n      computedAt\n      unitCount\n      signedAgreementCount\n      shelfProjectsOnShelf\n      shelfProjectsByCategory {\n        count\n        category {\n          id\n          code\n          name\n        }\n      }\n      needsReported\n      needsResolved\n      needsOverdue\n      needsByStatus {\n        status\n        count\n      }\n      averageSatisfaction\n      activitiesCompleted\n      activitiesByMonth {\n        month\n        count\n      }\n      volunteerHours\n      beneficiaries\n      bookingsDone\n      offHoursBookingsDone\n      topUnits(first: 10) {\n        points\n        activities\n        unit {\n          id\n          name\n        }\n      }\n    }\n    overdue: needs(filter: { overdue: true }, first: 10) {\n      totalCount\n      nodes {\n        id\n        title\n        status\n        dueAt\n        grid {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Dashboard($from: Date, $to: Date) {\n    dashboard(from: $from, to: $to) {\n      computedAt\n      unitCount\n      signedAgreementCount\n      shelfProjectsOnShelf\n      shelfProjectsByCategory {\n        count\n        category {\n          id\n          code\n          name\n        }\n      }\n      needsReported\n      needsResolved\n      needsOverdue\n      needsByStatus {\n        status\n        count\n      }\n      averageSatisfaction\n      activitiesCompleted\n      activitiesByMonth {\n        month\n        count\n      }\n      volunteerHours\n      beneficiaries\n      bookingsDone\n      offHoursBookingsDone\n      topUnits(first: 10) {\n        points\n        activities\n        unit {\n          id\n          name\n        }\n      }\n    }\n    overdue: needs(filter: { overdue: true }, first: 10) {\n      totalCount\n      nodes {\n        id\n        title\n        status\n        dueAt\n        grid {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThesaurusGroups {\n    thesaurusGroups {\n      id\n      words\n      own\n      createdAt\n      version\n    }\n  }\n"): (typeof documents)["\n  query ThesaurusGroups {\n    thesaurusGroups {\n      id\n      words\n      own\n      createdAt\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddThesaurusGroup($words: [String!]!) {\n    addThesaurusGroup(words: $words) {\n      id\n      words\n      own\n      createdAt\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation AddThesaurusGroup($words: [String!]!) {\n    addThesaurusGroup(words: $words) {\n      id\n      words\n      own\n      createdAt\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveThesaurusGroup($id: ID!, $version: Int!) {\n    removeThesaurusGroup(id: $id, version: $version)\n  }\n"): (typeof documents)["\n  mutation RemoveThesaurusGroup($id: ID!, $version: Int!) {\n    removeThesaurusGroup(id: $id, version: $version)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NeedCard on Need {\n    id\n    title\n    status\n    location\n    reportedAt\n    dueAt\n    version\n    grid {\n      id\n      name\n    }\n    category {\n      id\n      code\n      name\n    }\n    assignee {\n      id\n      displayName\n    }\n    claimedBy {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment NeedCard on Need {\n    id\n    title\n    status\n    location\n    reportedAt\n    dueAt\n    version\n    grid {\n      id\n      name\n    }\n    category {\n      id\n      code\n      name\n    }\n    assignee {\n      id\n      displayName\n    }\n    claimedBy {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NeedsBoard($gridId: ID, $search: String, $first: Int = 20) {\n    reported: needs(filter: { status: [REPORTED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    accepted: needs(filter: { status: [ACCEPTED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    ordered: needs(filter: { status: [ORDERED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    planned: needs(filter: { status: [PLANNED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    inProgress: needs(filter: { status: [IN_PROGRESS], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    resolved: needs(filter: { status: [RESOLVED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    closed: needs(filter: { status: [CLOSED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    rejected: needs(filter: { status: [REJECTED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n  }\n"): (typeof documents)["\n  query NeedsBoard($gridId: ID, $search: String, $first: Int = 20) {\n    reported: needs(filter: { status: [REPORTED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    accepted: needs(filter: { status: [ACCEPTED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    ordered: needs(filter: { status: [ORDERED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    planned: needs(filter: { status: [PLANNED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    inProgress: needs(filter: { status: [IN_PROGRESS], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    resolved: needs(filter: { status: [RESOLVED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    closed: needs(filter: { status: [CLOSED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    rejected: needs(filter: { status: [REJECTED], gridId: $gridId, search: $search }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NeedFields on Need {\n    ...NeedCard\n    description\n    requesterName\n    requesterPhone\n    plan\n    resolution\n    satisfaction\n    orderedProjects {\n      id\n      title\n      unit {\n        id\n        name\n      }\n    }\n    deliveringUnits {\n      id\n      name\n    }\n    history {\n      at\n      from\n      to\n      comment\n      actor {\n        id\n        displayName\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment NeedFields on Need {\n    ...NeedCard\n    description\n    requesterName\n    requesterPhone\n    plan\n    resolution\n    satisfaction\n    orderedProjects {\n      id\n      title\n      unit {\n        id\n        name\n      }\n    }\n    deliveringUnits {\n      id\n      name\n    }\n    history {\n      at\n      from\n      to\n      comment\n      actor {\n        id\n        displayName\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Need($id: ID!) {\n    need(id: $id) {\n      ...NeedFields\n    }\n  }\n"): (typeof documents)["\n  query Need($id: ID!) {\n    need(id: $id) {\n      ...NeedFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MatchSuggestions($needId: ID!, $first: Int = 5) {\n    matchSuggestions(needId: $needId, first: $first) {\n      score\n      strength\n      reasonCodes {\n        code\n        params {\n          words\n          from\n          to\n          category\n          n\n          avg\n        }\n      }\n      project {\n        id\n        title\n        capacityPerMonth\n        orderCount\n        category {\n          id\n          code\n          name\n        }\n        unit {\n          id\n          name\n          agreementStatus\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MatchSuggestions($needId: ID!, $first: Int = 5) {\n    matchSuggestions(needId: $needId, first: $first) {\n      score\n      strength\n      reasonCodes {\n        code\n        params {\n          words\n          from\n          to\n          category\n          n\n          avg\n        }\n      }\n      project {\n        id\n        title\n        capacityPerMonth\n        orderCount\n        category {\n          id\n          code\n          name\n        }\n        unit {\n          id\n          name\n          agreementStatus\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderableProjects($search: String, $first: Int = 20) {\n    shelfProjects(filter: { status: ON_SHELF, search: $search }, first: $first) {\n      nodes {\n        id\n        title\n        unit {\n          id\n          name\n          agreementStatus\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrderableProjects($search: String, $first: Int = 20) {\n    shelfProjects(filter: { status: ON_SHELF, search: $search }, first: $first) {\n      nodes {\n        id\n        title\n        unit {\n          id\n          name\n          agreementStatus\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportNeed($input: ReportNeedInput!) {\n    reportNeed(input: $input) {\n      ...NeedFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReportNeed($input: ReportNeedInput!) {\n    reportNeed(input: $input) {\n      ...NeedFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScreenNeed($id: ID!, $version: Int, $accept: Boolean!, $comment: String) {\n    screenNeed(id: $id, version: $version, accept: $accept, comment: $comment) {\n      ...NeedFields\n    }\n  }\n"): (typeof documents)["\n  mutation ScreenNeed($id: ID!, $version: Int, $accept: Boolean!, $comment: String) {\n    screenNeed(id: $id, version: $version, accept: $accept, comment: $comment) {\n      ...NeedFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrderNeed($id: ID!, $version: Int, $shelfProjectIds: [ID!]!, $comment: String) {\n    orderNeed(id: $id, version: $version, shelfProjectIds: $shelfProjectIds, comment: $comment) {\n      ...NeedFields\n    }\n  }\n"): (typeof documents)["\n  mutation OrderNeed($id: ID!, $version: Int, $shelfProjectIds: [ID!]!, $comment: String) {\n    orderNeed(id: $id, version: $version, shelfProjectIds: $shelfProjectIds, comment: $comment) {\n      ...NeedFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClaimNeed($id: ID!, $version: Int, $note: String) {\n    claimNeed(id: $id, version: $version, note: $note) {\n      ...NeedFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClaimNeed($id: ID!, $version: Int, $note: String) {\n    claimNeed(id: $id, version: $version, note: $note) {\n      ...NeedFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlanNeed($id: ID!, $version: Int, $plan: String!, $dueAt: DateTime!, $deliveringUnitIds: [ID!]) {\n    planNeed(id: $id, version: $version, plan: $plan, dueAt: $dueAt, deliveringUnitIds: $deliveringUnitIds) {\n      ...NeedFields\n    }\n  }\n"): (typeof documents)["\n  mutation PlanNeed($id: ID!, $version: Int, $plan: String!, $dueAt: DateTime!, $deliveringUnitIds: [ID!]) {\n    planNeed(id: $id, version: $version, plan: $plan, dueAt: $dueAt, deliveringUnitIds: $deliveringUnitIds) {\n      ...NeedFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignNeed($id: ID!, $version: Int, $assigneeId: ID!) {\n    assignNeed(id: $id, version: $version, assigneeId: $assigneeId) {\n      ...NeedFields\n    }\n  }\n"): (typeof documents)["\n  mutation AssignNeed($id: ID!, $version: Int, $assigneeId: ID!) {\n    assignNeed(id: $id, version: $version, assigneeId: $assigneeId) {\n      ...NeedFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveNeed($id: ID!, $version: Int, $resolution: String!) {\n    resolveNeed(id: $id, version: $version, resolution: $resolution) {\n      ...NeedFields\n    }\n  }\n"): (typeof documents)["\n  mutation ResolveNeed($id: ID!, $version: Int, $resolution: String!) {\n    resolveNeed(id: $id, version: $version, resolution: $resolution) {\n      ...NeedFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FollowUpNeed($id: ID!, $version: Int, $satisfaction: Int!, $comment: String) {\n    followUpNeed(id: $id, version: $version, satisfaction: $satisfaction, comment: $comment) {\n      ...NeedFields\n    }\n  }\n"): (typeof documents)["\n  mutation FollowUpNeed($id: ID!, $version: Int, $satisfaction: Int!, $comment: String) {\n    followUpNeed(id: $id, version: $version, satisfaction: $satisfaction, comment: $comment) {\n      ...NeedFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplanNeed($id: ID!, $version: Int!, $plan: String!, $dueAt: DateTime!, $reason: String!) {\n    replanNeed(id: $id, version: $version, plan: $plan, dueAt: $dueAt, reason: $reason) {\n      ...NeedFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReplanNeed($id: ID!, $version: Int!, $plan: String!, $dueAt: DateTime!, $reason: String!) {\n    replanNeed(id: $id, version: $version, plan: $plan, dueAt: $dueAt, reason: $reason) {\n      ...NeedFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReassignNeed($id: ID!, $version: Int!, $assigneeId: ID!, $reason: String!) {\n    reassignNeed(id: $id, version: $version, assigneeId: $assigneeId, reason: $reason) {\n      ...NeedFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReassignNeed($id: ID!, $version: Int!, $assigneeId: ID!, $reason: String!) {\n    reassignNeed(id: $id, version: $version, assigneeId: $assigneeId, reason: $reason) {\n      ...NeedFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawNeedOrder($id: ID!, $version: Int!, $reason: String!) {\n    withdrawNeedOrder(id: $id, version: $version, reason: $reason) {\n      ...NeedFields\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawNeedOrder($id: ID!, $version: Int!, $reason: String!) {\n    withdrawNeedOrder(id: $id, version: $version, reason: $reason) {\n      ...NeedFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReopenNeed($id: ID!, $version: Int!, $reason: String!) {\n    reopenNeed(id: $id, version: $version, reason: $reason) {\n      ...NeedFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReopenNeed($id: ID!, $version: Int!, $reason: String!) {\n    reopenNeed(id: $id, version: $version, reason: $reason) {\n      ...NeedFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTasks($gridId: ID, $withFollowUps: Boolean!) {\n    assigned: needs(filter: { assignedToMe: true, status: [IN_PROGRESS] }, first: 50) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    followUps: needs(filter: { gridId: $gridId, status: [RESOLVED] }, first: 50) @include(if: $withFollowUps) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyTasks($gridId: ID, $withFollowUps: Boolean!) {\n    assigned: needs(filter: { assignedToMe: true, status: [IN_PROGRESS] }, first: 50) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n    followUps: needs(filter: { gridId: $gridId, status: [RESOLVED] }, first: 50) @include(if: $withFollowUps) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClaimHall($first: Int = 50) {\n    alliance {\n      id\n      maxOpenClaims\n    }\n    needs(filter: { claimable: true }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n        description\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClaimHall($first: Int = 50) {\n    alliance {\n      id\n      maxOpenClaims\n    }\n    needs(filter: { claimable: true }, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n        description\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssignableUsers {\n    users(status: ACTIVE) {\n      id\n      displayName\n      role\n      grid {\n        id\n        name\n      }\n      unit {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query AssignableUsers {\n    users(status: ACTIVE) {\n      id\n      displayName\n      role\n      grid {\n        id\n        name\n      }\n      unit {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommitteeQueueCounts {\n    toScreen: needs(filter: { status: [REPORTED] }, first: 1) {\n      totalCount\n    }\n    toOrder: needs(filter: { status: [ACCEPTED] }, first: 1) {\n      totalCount\n    }\n    overdue: needs(filter: { overdue: true }, first: 1) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query CommitteeQueueCounts {\n    toScreen: needs(filter: { status: [REPORTED] }, first: 1) {\n      totalCount\n    }\n    toOrder: needs(filter: { status: [ACCEPTED] }, first: 1) {\n      totalCount\n    }\n    overdue: needs(filter: { overdue: true }, first: 1) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommitteeQueue($filter: NeedFilter!, $first: Int = 50) {\n    needs(filter: $filter, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n  }\n"): (typeof documents)["\n  query CommitteeQueue($filter: NeedFilter!, $first: Int = 50) {\n    needs(filter: $filter, first: $first) {\n      totalCount\n      nodes {\n        ...NeedCard\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SlotFields on ServiceSlot {\n    id\n    startsAt\n    endsAt\n    capacity\n    booked\n    offHours\n  }\n"): (typeof documents)["\n  fragment SlotFields on ServiceSlot {\n    id\n    startsAt\n    endsAt\n    capacity\n    booked\n    offHours\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BookingFields on Booking {\n    id\n    status\n    residentName\n    residentPhone\n    location\n    note\n    createdAt\n  }\n"): (typeof documents)["\n  fragment BookingFields on Booking {\n    id\n    status\n    residentName\n    residentPhone\n    location\n    note\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceSlots($projectId: ID!, $from: Date!, $to: Date!) {\n    serviceSlots(projectId: $projectId, from: $from, to: $to) {\n      ...SlotFields\n    }\n  }\n"): (typeof documents)["\n  query ServiceSlots($projectId: ID!, $from: Date!, $to: Date!) {\n    serviceSlots(projectId: $projectId, from: $from, to: $to) {\n      ...SlotFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitBookings($from: Date!, $to: Date!, $unitId: ID) {\n    unitBookings(from: $from, to: $to, unitId: $unitId) {\n      ...BookingFields\n      slot {\n        ...SlotFields\n        project {\n          id\n          title\n          unit {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UnitBookings($from: Date!, $to: Date!, $unitId: ID) {\n    unitBookings(from: $from, to: $to, unitId: $unitId) {\n      ...BookingFields\n      slot {\n        ...SlotFields\n        project {\n          id\n          title\n          unit {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateServiceSlots($projectId: ID!, $input: ServiceSlotsInput!) {\n    createServiceSlots(projectId: $projectId, input: $input) {\n      ...SlotFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateServiceSlots($projectId: ID!, $input: ServiceSlotsInput!) {\n    createServiceSlots(projectId: $projectId, input: $input) {\n      ...SlotFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BookServiceSlot($slotId: ID!, $input: BookingInput!) {\n    bookServiceSlot(slotId: $slotId, input: $input) {\n      ...BookingFields\n      slot {\n        ...SlotFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BookServiceSlot($slotId: ID!, $input: BookingInput!) {\n    bookServiceSlot(slotId: $slotId, input: $input) {\n      ...BookingFields\n      slot {\n        ...SlotFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteBooking($id: ID!, $outcome: BookingStatus!) {\n    completeBooking(id: $id, outcome: $outcome) {\n      ...BookingFields\n      slot {\n        ...SlotFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteBooking($id: ID!, $outcome: BookingStatus!) {\n    completeBooking(id: $id, outcome: $outcome) {\n      ...BookingFields\n      slot {\n        ...SlotFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelBooking($id: ID!) {\n    cancelBooking(id: $id) {\n      ...BookingFields\n      slot {\n        ...SlotFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CancelBooking($id: ID!) {\n    cancelBooking(id: $id) {\n      ...BookingFields\n      slot {\n        ...SlotFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Venues {\n    venues {\n      id\n      name\n      kind\n      capacity\n      opensAt\n      closesAt\n    }\n  }\n"): (typeof documents)["\n  query Venues {\n    venues {\n      id\n      name\n      kind\n      capacity\n      opensAt\n      closesAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VenueReservations($from: DateTime!, $to: DateTime!) {\n    venueReservations(from: $from, to: $to) {\n      id\n      status\n      purpose\n      startsAt\n      endsAt\n      residentName\n      residentPhone\n      venue {\n        id\n      }\n      unit {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query VenueReservations($from: DateTime!, $to: DateTime!) {\n    venueReservations(from: $from, to: $to) {\n      id\n      status\n      purpose\n      startsAt\n      endsAt\n      residentName\n      residentPhone\n      venue {\n        id\n      }\n      unit {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReserveVenue($venueId: ID!, $startsAt: DateTime!, $endsAt: DateTime!, $purpose: String!) {\n    reserveVenue(venueId: $venueId, startsAt: $startsAt, endsAt: $endsAt, purpose: $purpose) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ReserveVenue($venueId: ID!, $startsAt: DateTime!, $endsAt: DateTime!, $purpose: String!) {\n    reserveVenue(venueId: $venueId, startsAt: $startsAt, endsAt: $endsAt, purpose: $purpose) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmVenueReservation($id: ID!) {\n    confirmVenueReservation(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmVenueReservation($id: ID!) {\n    confirmVenueReservation(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelVenueReservation($id: ID!) {\n    cancelVenueReservation(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CancelVenueReservation($id: ID!) {\n    cancelVenueReservation(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectFields on ShelfProject {\n    id\n    title\n    description\n    status\n    reviewComment\n    capacityPerMonth\n    tags\n    orderCount\n    createdAt\n    updatedAt\n    version\n    category {\n      id\n      code\n      name\n    }\n    unit {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ProjectFields on ShelfProject {\n    id\n    title\n    description\n    status\n    reviewComment\n    capacityPerMonth\n    tags\n    orderCount\n    createdAt\n    updatedAt\n    version\n    category {\n      id\n      code\n      name\n    }\n    unit {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShelfProjects($filter: ShelfProjectFilter, $first: Int, $after: String) {\n    shelfProjects(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...ProjectFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ShelfProjects($filter: ShelfProjectFilter, $first: Int, $after: String) {\n    shelfProjects(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...ProjectFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShelfProject($id: ID!) {\n    shelfProject(id: $id) {\n      ...ProjectFields\n    }\n  }\n"): (typeof documents)["\n  query ShelfProject($id: ID!) {\n    shelfProject(id: $id) {\n      ...ProjectFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateShelfProject($input: ShelfProjectInput!) {\n    createShelfProject(input: $input) {\n      ...ProjectFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateShelfProject($input: ShelfProjectInput!) {\n    createShelfProject(input: $input) {\n      ...ProjectFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateShelfProject($id: ID!, $version: Int!, $input: UpdateShelfProjectInput!) {\n    updateShelfProject(id: $id, version: $version, input: $input) {\n      ...ProjectFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateShelfProject($id: ID!, $version: Int!, $input: UpdateShelfProjectInput!) {\n    updateShelfProject(id: $id, version: $version, input: $input) {\n      ...ProjectFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitShelfProject($id: ID!) {\n    submitShelfProject(id: $id) {\n      ...ProjectFields\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitShelfProject($id: ID!) {\n    submitShelfProject(id: $id) {\n      ...ProjectFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewShelfProject($id: ID!, $approve: Boolean!, $comment: String) {\n    reviewShelfProject(id: $id, approve: $approve, comment: $comment) {\n      ...ProjectFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReviewShelfProject($id: ID!, $approve: Boolean!, $comment: String) {\n    reviewShelfProject(id: $id, approve: $approve, comment: $comment) {\n      ...ProjectFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TakeDownShelfProject($id: ID!, $reason: String!) {\n    takeDownShelfProject(id: $id, reason: $reason) {\n      ...ProjectFields\n    }\n  }\n"): (typeof documents)["\n  mutation TakeDownShelfProject($id: ID!, $reason: String!) {\n    takeDownShelfProject(id: $id, reason: $reason) {\n      ...ProjectFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewQueue($first: Int, $after: String) {\n    shelfProjects(filter: { status: PENDING_REVIEW }, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...ProjectFields\n        unit {\n          id\n          agreementStatus\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReviewQueue($first: Int, $after: String) {\n    shelfProjects(filter: { status: PENDING_REVIEW }, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...ProjectFields\n        unit {\n          id\n          agreementStatus\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberUnits($filter: MemberUnitFilter, $first: Int, $after: String) {\n    memberUnits(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        name\n        kind\n        status\n        contactName\n        contactPhone\n        partyMemberCount\n        points\n        joinedAt\n        agreement {\n          id\n          validUntil\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MemberUnits($filter: MemberUnitFilter, $first: Int, $after: String) {\n    memberUnits(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        name\n        kind\n        status\n        contactName\n        contactPhone\n        partyMemberCount\n        points\n        joinedAt\n        agreement {\n          id\n          validUntil\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UnitFields on MemberUnit {\n    id\n    name\n    kind\n    creditCode\n    partyOrgName\n    partyMemberCount\n    contactName\n    contactPhone\n    address\n    status\n    joinedAt\n    points\n    version\n    agreement {\n      id\n      signedAt\n      validUntil\n      responsibilities\n    }\n  }\n"): (typeof documents)["\n  fragment UnitFields on MemberUnit {\n    id\n    name\n    kind\n    creditCode\n    partyOrgName\n    partyMemberCount\n    contactName\n    contactPhone\n    address\n    status\n    joinedAt\n    points\n    version\n    agreement {\n      id\n      signedAt\n      validUntil\n      responsibilities\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberUnit($id: ID!) {\n    memberUnit(id: $id) {\n      ...UnitFields\n      shelfProjects {\n        id\n        title\n        status\n        orderCount\n        category {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MemberUnit($id: ID!) {\n    memberUnit(id: $id) {\n      ...UnitFields\n      shelfProjects {\n        id\n        title\n        status\n        orderCount\n        category {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitOptions {\n    memberUnits(first: 100, filter: { status: ACTIVE }) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query UnitOptions {\n    memberUnits(first: 100, filter: { status: ACTIVE }) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMemberUnit($input: CreateMemberUnitInput!) {\n    createMemberUnit(input: $input) {\n      ...UnitFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateMemberUnit($input: CreateMemberUnitInput!) {\n    createMemberUnit(input: $input) {\n      ...UnitFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMemberUnit($id: ID!, $version: Int!, $input: UpdateMemberUnitInput!) {\n    updateMemberUnit(id: $id, version: $version, input: $input) {\n      ...UnitFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMemberUnit($id: ID!, $version: Int!, $input: UpdateMemberUnitInput!) {\n    updateMemberUnit(id: $id, version: $version, input: $input) {\n      ...UnitFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignAgreement($unitId: ID!, $input: AgreementInput!) {\n    signAgreement(unitId: $unitId, input: $input) {\n      id\n      signedAt\n      validUntil\n      responsibilities\n    }\n  }\n"): (typeof documents)["\n  mutation SignAgreement($unitId: ID!, $input: AgreementInput!) {\n    signAgreement(unitId: $unitId, input: $input) {\n      id\n      signedAt\n      validUntil\n      responsibilities\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitNames {\n    memberUnits(first: 100) {\n      nodes {\n        id\n        name\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query UnitNames {\n    memberUnits(first: 100) {\n      nodes {\n        id\n        name\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PointsLedger($unitId: ID!, $from: Date, $to: Date, $first: Int, $after: String) {\n    pointsLedger(unitId: $unitId, from: $from, to: $to, first: $first, after: $after) {\n      totalCount\n      totalPoints\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        points\n        source\n        earnedAt\n        note\n        activity {\n          id\n          title\n        }\n        need {\n          id\n          title\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PointsLedger($unitId: ID!, $from: Date, $to: Date, $first: Int, $after: String) {\n    pointsLedger(unitId: $unitId, from: $from, to: $to, first: $first, after: $after) {\n      totalCount\n      totalPoints\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        points\n        source\n        earnedAt\n        note\n        activity {\n          id\n          title\n        }\n        need {\n          id\n          title\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;