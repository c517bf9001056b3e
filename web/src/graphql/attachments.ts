import { graphql } from '../gql';

export const NEED_ATTACHMENTS = graphql(`
  query NeedAttachments($id: ID!) {
    need(id: $id) {
      id
      attachments {
        id
        stage
        fileName
        mediaType
        url
        thumbnailUrl
      }
    }
  }
`);

export const ACTIVITY_ATTACHMENTS = graphql(`
  query ActivityAttachments($id: ID!) {
    activity(id: $id) {
      id
      attachments {
        id
        stage
        fileName
        mediaType
        url
        thumbnailUrl
      }
    }
  }
`);

export const AGREEMENT_ATTACHMENTS = graphql(`
  query AgreementAttachments($unitId: ID!) {
    memberUnit(id: $unitId) {
      id
      agreement {
        id
        attachments {
          id
          stage
          fileName
          mediaType
          url
          thumbnailUrl
        }
      }
    }
  }
`);
