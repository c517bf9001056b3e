import type zhCN from './attachments.zh-CN';

const en: typeof zhCN = {
  attachments: {
    add: 'Add a photo',
    uploading: 'Uploading…',
    uploaded: 'Uploaded',
    failed: 'Upload failed',
    tooLarge: 'File too large (10 MB at most)',
    none: 'No photos yet',
    pdf: 'PDF file',
    stage: { REPORT: 'At report', RESOLUTION: 'At resolution', OUTCOME: 'Outcome', SCAN: 'Agreement scan' },
  },
};

export default en;
