export default {
  attachments: {
    add: '添加照片',
    uploading: '上传中…',
    uploaded: '已上传',
    failed: '上传失败',
    tooLarge: '文件过大（不超过10MB）',
    none: '暂无照片',
    pdf: 'PDF 文件',
    stage: { REPORT: '上报时', RESOLUTION: '办结时', OUTCOME: '活动成效', SCAN: '协议扫描件' },
  },
};
