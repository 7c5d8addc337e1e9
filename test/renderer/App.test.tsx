import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../renderer/App';
import { useOrgStore } from '../../renderer/stores/useOrgStore';
import { useAppStore } from '../../renderer/stores/useAppStore';
import { useSyncStore } from '../../renderer/stores/useSyncStore';
import { useUiStore } from '../../renderer/stores/useUiStore';
import { installFakeApi } from './fake-api';
import { demoTree } from './fixtures';
import { giveElementsASize } from './layout';

const demoInfo = { name: 'Clade Admin', version: '0.1.0', mode: 'demo' as const };

beforeEach(() => {
  giveElementsASize();
  useOrgStore.setState({ status: 'idle', tree: null, error: null });
  useAppStore.setState({ info: null, error: null });
  useSyncStore.setState({ progress: null });
  useUiStore.setState({ view: 'tree', onboarded: true, theme: 'system' });
});
afterEach(() => {
  cleanup();
  delete window.api;
});

describe('App', () => {
  it('shows the org tree from org.tree(): org, workspaces, members with roles, keys', async () => {
    installFakeApi({ 'clade:app/info': () => demoInfo, 'clade:org/tree': () => demoTree });
    render(<App />);
    const tree = await screen.findByRole('tree');
    expect(within(tree).getByText('Acme Research')).toBeInTheDocument();
    for (const name of ['Production', 'Default Workspace', 'Hackathon'])
      expect(within(tree).getByText(name)).toBeInTheDocument();
    expect(within(tree).getByText('Ada Lovelace')).toBeInTheDocument();
    expect(within(tree).getAllByText('Workspace admin · org admin').length).toBeGreaterThan(0);
    expect(within(tree).getByText('sk-ant-api03-R2D...igAA')).toBeInTheDocument();
    expect(screen.getByText('Demo org')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Acme Research');
  });

  it('walks the tree with the keyboard and opens a key with Enter', async () => {
    installFakeApi({ 'clade:app/info': () => demoInfo, 'clade:org/tree': () => demoTree });
    render(<App />);
    const tree = await screen.findByRole('tree');
    tree.focus();
    fireEvent.keyDown(tree, { key: 'p' }); // type-ahead to "Production"
    expect(document.getElementById(tree.getAttribute('aria-activedescendant')!)).toHaveTextContent('Production');
    fireEvent.keyDown(tree, { key: 'ArrowLeft' }); // collapse Production
    expect(screen.queryByText('Ada Lovelace')).not.toBeInTheDocument();
    fireEvent.keyDown(tree, { key: 'ArrowRight' }); // expand again
    fireEvent.keyDown(tree, { key: 'ArrowRight' }); // into "Members"
    fireEvent.keyDown(tree, { key: 'ArrowDown' });
    fireEvent.keyDown(tree, { key: 'Enter' });
    const details = screen.getByRole('complementary');
    expect(within(details).getByRole('heading')).toHaveTextContent('Ada Lovelace');
    expect(within(details).getByText('ada@acme.example')).toBeInTheDocument();
  });

  it('filters with the search box', async () => {
    installFakeApi({ 'clade:app/info': () => demoInfo, 'clade:org/tree': () => demoTree });
    render(<App />);
    await screen.findByRole('tree');
    fireEvent.change(screen.getByLabelText('Search the org'), { target: { value: 'old-batch' } });
    const items = screen.getAllByRole('treeitem').map((item) => item.querySelector('.tree-label')!.textContent);
    expect(items).toEqual(['Acme Research', 'Production', 'API keys', 'old-batch']);
  });

  it("shows main's error message with a retry that reloads", async () => {
    let fail = true;
    installFakeApi({
      'clade:app/info': () => demoInfo,
      'clade:org/tree': () =>
        fail
          ? { ok: false, error: { code: 'unavailable', message: 'The mirror file is locked by another program.' } }
          : demoTree,
    });
    render(<App />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The mirror file is locked by another program.');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('tree')).toBeInTheDocument();
  });

  it('reloads the tree when a sync finishes (push channel) and unsubscribes on unmount', async () => {
    let tree = { ...demoTree, workspaces: demoTree.workspaces.slice(0, 1) };
    const fake = installFakeApi({ 'clade:app/info': () => demoInfo, 'clade:org/tree': () => tree });
    const view = render(<App />);
    await screen.findByRole('tree');
    expect(screen.queryByText('Hackathon')).not.toBeInTheDocument();
    tree = demoTree;
    await act(async () =>
      fake.push('clade:sync/progress-changed', { phase: 'done', resource: null, page: 0, rows: 12 }),
    );
    expect(await screen.findByText('Hackathon')).toBeInTheDocument();
    expect(fake.listenerCount('clade:sync/progress-changed')).toBeGreaterThan(0);
    view.unmount();
    expect(fake.listenerCount('clade:sync/progress-changed')).toBe(0);
  });
});
