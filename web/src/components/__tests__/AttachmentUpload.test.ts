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
