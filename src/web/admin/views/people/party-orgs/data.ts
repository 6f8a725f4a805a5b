import type { PartyOrg } from '../../../../common/api-types';

export interface PartyOrgNode extends PartyOrg {
  children: PartyOrgNode[];
  /** members of this organisation and every one below it */
  totalMembers: number;
}

/**
 * The flat list as a tree by parentId. An organisation whose parent is outside the user's scope
 * (a community worker does not see the street committee) becomes a root.
 */
export function buildPartyTree(items: PartyOrg[]): PartyOrgNode[] {
  const nodes = new Map<string, PartyOrgNode>(
    items.map((item) => [item.id, { ...item, children: [], totalMembers: item.memberCount }]),
  );
  const roots: PartyOrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const total = (node: PartyOrgNode): number =>
    (node.totalMembers = node.memberCount + node.children.reduce((sum, child) => sum + total(child), 0));
  roots.forEach(total);
  return roots;
}
