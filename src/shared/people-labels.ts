// Chinese labels of resident fields, shared by the import/export sheets and the web pages.
export const relationLabels = {
  head: '户主',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  grandchild: '孙子女',
  grandparent: '祖父母',
  sibling: '兄弟姐妹',
  in_law: '儿媳/女婿',
  tenant: '租户',
  other: '其他',
} as const;

export const residenceLabels = { registered: '户籍', resident: '常住', floating: '流动' } as const;

export const residentStatusLabels = { active: '在册', moved_out: '已迁出', deceased: '已故' } as const;

export const genderLabels = { male: '男', female: '女' } as const;

/** Label → code, for reading sheets that people filled in by hand. */
export const codeByLabel = <T extends Record<string, string>>(labels: T): Map<string, keyof T> =>
  new Map(Object.entries(labels).map(([code, label]) => [label, code as keyof T]));
