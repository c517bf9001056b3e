import { graphql } from '../gql';

/** The bell: the caller's own inbox, newest first. */
export const NOTIFICATIONS = graphql(`
  query Notifications($unreadOnly: Boolean, $first: Int, $after: String) {
    notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        kind
        subjectType
        subjectId
        params
        createdAt
        readAt
      }
    }
  }
`);

export const UNREAD_NOTIFICATION_COUNT = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

export const MARK_NOTIFICATIONS_READ = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);

/** Live over the websocket (apollo.ts); the bell polls instead while it is down. */
export const NOTIFICATION_ADDED = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      id
      kind
      subjectType
      subjectId
      params
      createdAt
      readAt
    }
  }
`);

/** 通知推送: the alliance's outgoing webhook (the committee's; the secret is never read back). */
export const ALLIANCE_WEBHOOK = graphql(`
  query AllianceWebhook {
    allianceWebhook {
      url
      kinds
      enabled
      updatedAt
    }
    webhookDeliveries(first: 20) {
      nodes {
        id
        kind
        status
        attempts
        responseCode
        lastError
        nextAttemptAt
        createdAt
        deliveredAt
      }
    }
  }
`);

export const SET_ALLIANCE_WEBHOOK = graphql(`
  mutation SetAllianceWebhook($input: WebhookInput!) {
    setAllianceWebhook(input: $input) {
      url
      kinds
      enabled
      updatedAt
    }
  }
`);
