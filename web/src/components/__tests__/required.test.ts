import { afterEach, describe, expect, it } from 'vitest';
import NeedReportView from '../../views/needs/NeedReportView.vue';
import UnitFormDialog from '../units/UnitFormDialog.vue';
import { mountAs, user } from '../../__tests__/mount';

/*
 * Required fields carry Element Plus's asterisk (issue 16): lib/rules.ts marks a
 * rule `required` when its check is, so every form built on it shows which
 * fields must be filled, and only those.
 */

afterEach(() => {
  document.body.innerHTML = '';
});

/** The labels of the form items marked required (Element's is-required: the asterisk). */
const requiredLabels = () => [...document.body.querySelectorAll('.el-form-item.is-required .el-form-item__label')].map((l) => l.textContent!.trim());
const optionalLabels = () => [...document.body.querySelectorAll('.el-form-item:not(.is-required) .el-form-item__label')].map((l) => l.textContent!.trim());

describe('required fields are marked', () => {
  it('上报需求: title, description, grid, the resident and the phone; location and category are optional', async () => {
    await mountAs(NeedReportView, user('GRID_WORKER', { grid: { id: 'grid-1', name: '第一网格' } }));
    expect(requiredLabels()).toEqual(['需求标题', '详细描述', '所属网格', '反映人姓名', '反映人电话']);
    expect(optionalLabels()).toEqual(expect.arrayContaining(['具体位置', '服务类别']));
  });

  it('新增成员单位: the name and its kind are required, the credit code is not', async () => {
    await mountAs(UnitFormDialog, user('COMMITTEE_ADMIN'), { props: { modelValue: true } });
    expect(requiredLabels()).toEqual(expect.arrayContaining(['单位名称']));
    expect(optionalLabels()).toEqual(expect.arrayContaining(['统一社会信用代码']));
  });
});
