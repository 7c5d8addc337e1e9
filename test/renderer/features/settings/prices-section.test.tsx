/**
 * Settings › Model prices: the overrides main keeps, a new price sent with the typed model, date and prices (empty
 * date: always), main's refusal shown as an alert linked to the form, and a removal by its labelled button.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { PricesSection } from '../../../../renderer/features/settings/PricesSection';
import { usePricesStore } from '../../../../renderer/stores/usePricesStore';
import type { PriceOverrideView } from '../../../../preload/contract';
import { installFakeApi, type FakeApi } from '../../fake-api';

let fake: FakeApi;
let stored: PriceOverrideView[];
const full = (o: {
  model: string;
  effectiveFrom: string | null;
  input: string;
  output: string;
}): PriceOverrideView => ({
  ...o,
  cacheWrite5m: '1',
  cacheWrite1h: '1',
  cacheRead: '0.1',
});

beforeEach(() => {
  usePricesStore.setState(usePricesStore.getInitialState(), true);
  stored = [full({ model: 'claude-opus-5', effectiveFrom: '2026-12-01', input: '4', output: '20' })];
  fake = installFakeApi({
    'clade:prices/list': () => ({ overrides: stored, builtIn: ['claude-opus-5'] }),
    'clade:prices/set': (request) => {
      if (request.input === 'ten')
        return { ok: false, error: { code: 'bad-request', message: 'Input: "ten" is not a price' } };
      stored = [...stored, full(request)];
      return { overrides: stored, builtIn: [] };
    },
    'clade:prices/remove': (request) => {
      stored = stored.filter((o) => o.model !== request.model);
      return { overrides: stored, builtIn: [] };
    },
  });
});
afterEach(cleanup);

describe('Settings › Model prices', () => {
  it('lists, adds and removes overrides through main, and shows a refusal', async () => {
    render(<PricesSection />);
    expect(await screen.findByText('claude-opus-5')).toBeVisible();
    fireEvent.change(screen.getByLabelText('Model id'), { target: { value: 'claude-mythos-preview' } });
    fireEvent.change(screen.getByLabelText('Input, USD per million tokens'), { target: { value: 'ten' } });
    fireEvent.change(screen.getByLabelText('Output, USD per million tokens'), { target: { value: '50' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save price' }));
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('Input: "ten" is not a price');
    expect(screen.getByLabelText('Model id')).toHaveAttribute('aria-describedby', 'price-error');
    fireEvent.change(screen.getByLabelText('Input, USD per million tokens'), { target: { value: '10' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save price' }));
    });
    expect(await screen.findByText('claude-mythos-preview')).toBeVisible();
    expect(fake.calls.filter((c) => c.channel === 'clade:prices/set').at(-1)!.request).toEqual({
      model: 'claude-mythos-preview',
      effectiveFrom: null,
      input: '10',
      output: '50',
    });
    expect(screen.getByLabelText('Model id')).toHaveValue('');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Remove the price of claude-opus-5 from 2026-12-01' }));
    });
    expect(screen.queryByText('claude-opus-5')).toBeNull();
  });
});
