// The btree_gist extension ships under a subpath export that `moduleResolution: node` cannot see.
declare module '@electric-sql/pglite/contrib/btree_gist' {
  export const btree_gist: import('@electric-sql/pglite').Extension;
}
