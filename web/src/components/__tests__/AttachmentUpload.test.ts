import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import AttachmentUpload from '../attachments/AttachmentUpload.vue';
import { mountAs, user } from '../../__tests__/mount';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

/** Chooses a file in the hidden input, as the phone's camera or the file dialog does. */
async function choose(input: HTMLInputElement, file: File) {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
  await flushPromises();
  await new Promise((r) => setTimeout(r, 20));
  await flushPromises();
}

describe('AttachmentUpload', () => {
  it("opens the phone's camera and sends the photo as multipart with the session's token to the owner's endpoint", async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ id: 'att-1', fileName: '楼道.jpg' }), { status: 201 }));
    vi.stubGlobal('fetch', fetchMock);
    const { wrapper, session } = await mountAs(AttachmentUpload, user('GRID_WORKER'), {
      props: { ownerType: 'NEED', ownerId: 'n-1', stage: 'RESOLUTION' },
    });
    const input = wrapper.find<HTMLInputElement>('[data-test="attachment-input"]').element;
    expect(input.getAttribute('accept')).toBe('image/*');
    expect(input.getAttribute('capture')).toBe('environment');
    expect(fetchMock).not.toHaveBeenCalled();

    await choose(input, new File([new Uint8Array([0xff, 0xd8, 0xff])], '楼道.jpg', { type: 'image/jpeg' }));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/attachments?ownerType=NEED&ownerId=n-1&stage=RESOLUTION');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ authorization: `Bearer ${session.token}` });
    const sent = (init.body as FormData).get('file') as File;
    expect([sent.name, sent.size]).toEqual(['楼道.jpg', 3]);
    expect(wrapper.emitted('uploaded')).toEqual([[{ id: 'att-1', fileName: '楼道.jpg' }]]);
  });

  it('a refused file says why and emits nothing', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ code: 'BAD_USER_INPUT', field: 'file' }), { status: 413 })));
    const { wrapper } = await mountAs(AttachmentUpload, user('GRID_WORKER'), { props: { ownerType: 'NEED', ownerId: 'n-1', stage: 'REPORT' } });
    await choose(wrapper.find<HTMLInputElement>('[data-test="attachment-input"]').element, new File([new Uint8Array(3)], 'big.jpg'));
    expect(wrapper.emitted('uploaded')).toBeUndefined();
    expect(document.body.textContent).toContain('文件过大（不超过10MB）');
  });
});

describe('NeedAttachments', () => {
  const need = { id: 'n-1', grid: { id: 'grid-1' }, assignee: { id: 'u-UNIT_ADMIN' } };
  const handler = () => ({
    data: {
      need: {
        __typename: 'Need',
        id: 'n-1',
        attachments: [
          { __typename: 'Attachment', id: 'a1', stage: 'REPORT', fileName: '前.jpg', mediaType: 'image/jpeg', url: '/api/attachments/a1', thumbnailUrl: '/api/attachments/a1/thumbnail' },
          { __typename: 'Attachment', id: 'a2', stage: 'RESOLUTION', fileName: '后.pdf', mediaType: 'application/pdf', url: '/api/attachments/a2', thumbnailUrl: null },
        ],
      },
    },
  });

  it("shows before and after, fetching thumbnails with the token; the camera only where the role may add (grid at report, assignee at resolution)", async () => {
    const fetchMock = vi.fn(async () => new Response(new Blob([new Uint8Array([1])]), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const NeedAttachments = (await import('../attachments/NeedAttachments.vue')).default;
    const uploads = async (who: ReturnType<typeof user>) => {
      const { wrapper } = await mountAs(NeedAttachments, who, { props: { need }, handler });
      await flushPromises();
      await new Promise((r) => setTimeout(r, 30));
      const stages = wrapper.findAll('.need-attachments__stage').map((s) => s.find('[data-test="attachment-add"]').exists());
      const text = wrapper.text();
      wrapper.unmount();
      return { stages, text };
    };
    const grid = await uploads(user('GRID_WORKER', { grid: { id: 'grid-1', name: '第一网格' } } as never));
    expect(grid.stages).toEqual([true, false]);
    expect(grid.text).toContain('PDF 文件：后.pdf');
    expect(fetchMock.mock.calls.map((c) => (c as unknown as [string])[0])).toEqual(['/api/attachments/a1/thumbnail', '/api/attachments/a1']);
    expect((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].headers).toEqual({ authorization: 'Bearer token' });
    expect((await uploads(user('UNIT_ADMIN', { unit: { id: 'unit-1', name: '松风小学' } } as never))).stages).toEqual([false, true]);
    expect((await uploads(user('COMMITTEE_ADMIN'))).stages).toEqual([true, true]);
    expect((await uploads(user('GRID_WORKER', { grid: { id: 'grid-2', name: '第二网格' } } as never))).stages).toEqual([false, false]);
  });
});
