import { afterEach, describe, expect, it, vi } from 'vitest';
import { NEAR_SCREEN_MARGIN, whenNear } from '../near-screen';

describe('whenNear (charts below the screen wait until scrolled to)', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** A stand-in IntersectionObserver whose crossings the test decides. */
  function fakeObserver() {
    const observers: { callback: IntersectionObserverCallback; options?: IntersectionObserverInit; disconnected: boolean; targets: Element[] }[] = [];
    class FakeObserver {
      record: (typeof observers)[number];
      constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
        this.record = { callback, options, disconnected: false, targets: [] };
        observers.push(this.record);
      }
      observe(el: Element) {
        this.record.targets.push(el);
      }
      disconnect() {
        this.record.disconnected = true;
      }
    }
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const cross = (isIntersecting: boolean) => {
      const o = observers[0]!;
      o.callback([{ isIntersecting, target: o.targets[0]! } as IntersectionObserverEntry], o as unknown as IntersectionObserver);
    };
    return { observers, cross };
  }

  it('calls back once the element comes near the screen, once, and then stops watching', () => {
    const { observers, cross } = fakeObserver();
    const near = vi.fn();
    const el = document.createElement('div');
    whenNear(el, near);
    expect(observers[0]!.targets).toEqual([el]);
    expect(observers[0]!.options?.rootMargin).toBe(NEAR_SCREEN_MARGIN);
    cross(false);
    expect(near).not.toHaveBeenCalled();
    cross(true);
    expect(near).toHaveBeenCalledTimes(1);
    expect(observers[0]!.disconnected).toBe(true);
  });

  it('stops watching when asked (the page left before the chart was scrolled to)', () => {
    const { observers } = fakeObserver();
    const stop = whenNear(document.createElement('div'), () => undefined);
    stop();
    expect(observers[0]!.disconnected).toBe(true);
  });

  it('draws at once where the browser cannot tell (no IntersectionObserver)', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const near = vi.fn();
    whenNear(document.createElement('div'), near);
    expect(near).toHaveBeenCalledTimes(1);
  });
});

