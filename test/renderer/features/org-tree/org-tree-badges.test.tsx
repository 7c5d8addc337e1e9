import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { OrgTreeView } from '../../../../renderer/features/org-tree/OrgTreeView';
import type { OrgTree } from '../../../../preload/contract';
import { demoTree } from '../../fixtures';
import { giveElementsASize } from '../../layout';

const badged: OrgTree = {
  ...demoTree,
  workspaces: demoTree.workspaces.map((workspace) =>
    workspace.id === 'wrkspc_01PROD'
      ? {
          ...workspace,
          spend: {
            cents: '894953.72799',
            targets: [{ source: 'limit', amountCents: '200000', percent: 447, crossingDay: '2026-11-05' }],
          },
          keys: workspace.keys.map((key) =>
            key.id === 'apikey_01PROD'
              ? {
                  ...key,
                  estimatedMonthCents: '1478.432411987',
                  hygiene: { verdict: 'orphaned', reason: 'Its creator is no longer a member of the organization.' },
                }
              : {
                  ...key,
                  estimatedMonthCents: '0',
                  hygiene: { verdict: 'inactive', reason: 'The key is inactive; it cannot be used.' },
                },
          ),
        }
      : { ...workspace, spend: { cents: '0', targets: [] } },
  ),
};

const row = (name: RegExp) => screen.getByRole('treeitem', { name });

beforeEach(() => giveElementsASize());
afterEach(cleanup);

describe('OrgTreeView badges and filters', () => {
  it('badges the workspace with its month-to-date spend and share of its limit, and a key with its estimate and verdict', () => {
    render(<OrgTreeView tree={badged} />);
    const production = row(/^Production/);
    expect(within(production).getByText('$8,949.54 this month')).toBeInTheDocument();
    expect(within(production).getByText('447 % of limit')).toHaveClass('badge', 'tone-over');
    const key = row(/^prod-backend/);
    expect(within(key).getByText('≈ $14.78 this month')).toHaveAttribute('title', expect.stringMatching(/^Estimate/));
    expect(within(key).getByText('Orphaned')).toBeInTheDocument();
  });

  it('opens a key with its estimate and hygiene reason in the details pane', () => {
    render(<OrgTreeView tree={badged} />);
    fireEvent.click(row(/^prod-backend/));
    const details = screen.getByRole('complementary');
    expect(within(details).getByText('≈ $14.78')).toBeInTheDocument();
    expect(within(details).getByText('Its creator is no longer a member of the organization.')).toBeInTheDocument();
  });

  it('filters by role, by status and by "needs attention" from labelled controls', () => {
    render(<OrgTreeView tree={badged} />);
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'workspace_user' } });
    expect(screen.getAllByRole('treeitem').map((item) => item.querySelector('.tree-label')!.textContent)).toEqual([
      'Acme Research',
      'Hackathon',
      'Members',
      'Cy Coder',
    ]);
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'inactive' } });
    expect(screen.getAllByRole('treeitem').map((item) => item.querySelector('.tree-label')!.textContent)).toEqual([
      'Acme Research',
      'Production',
      'API keys',
      'old-batch',
    ]);
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: '' } });
    fireEvent.click(screen.getByLabelText('Needs attention'));
    expect(screen.getAllByRole('treeitem').map((item) => item.querySelector('.tree-label')!.textContent)).toEqual([
      'Acme Research',
      'Production',
      'API keys',
      'prod-backend',
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('4 matching rows');
  });
});
