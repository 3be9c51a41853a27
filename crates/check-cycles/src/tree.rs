//! The module tree of one crate: which file holds which module, what each module defines and
//! imports, and how a path written in a module resolves to the file that defines its item.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// Index of a module (a file module or an inline `mod x { ... }`) in [`Crate::mods`].
pub type ModId = usize;
/// Index of a source file in [`Crate::files`]; the nodes of the import graph.
pub type FileId = usize;

/// Whether an item or import can be seen outside its module's subtree.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Vis {
    /// No `pub`: visible in the module and its descendants only.
    Private,
    /// `pub`, `pub(crate)`, `pub(super)`, `pub(in ...)`: all treated as visible in the crate.
    Public,
}

/// What a name defined in a module is.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Kind {
    /// A module; paths may go on into it.
    Mod(ModId),
    /// An enum, with the names of its variants (for `use Enum::*`).
    Enum(Vec<String>),
    /// A `macro_rules!` macro (macro namespace only).
    Macro,
    /// Any other item: struct, union, trait, type alias, fn, const, static, variant.
    Item,
}

/// One definition a name resolves to.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Def {
    pub kind: Kind,
    /// The file that defines it; for a module, the module's own file.
    pub file: FileId,
    pub vis: Vis,
}

/// A name a `use` declaration brings into a module, or a glob it opens.
#[derive(Clone, Debug)]
pub enum UseLeaf {
    /// `use a::b::c;` gives name `c`, path `[a, b, c]`; `use a::b::{self as x}` gives `x`,
    /// `[a, b]`; `use a::b as _` gives `_`.
    Name { name: String, path: Vec<String> },
    /// `use a::b::*;` gives path `[a, b]`.
    Glob { path: Vec<String> },
}

/// A `use` leaf with the visibility of its declaration.
#[derive(Clone, Debug)]
pub struct Import {
    pub leaf: UseLeaf,
    pub vis: Vis,
}

/// A module and the names it provides.
#[derive(Debug)]
pub struct Module {
    pub parent: Option<ModId>,
    /// The file that holds the module's items (the containing file for an inline module).
    pub file: FileId,
    pub items: HashMap<String, Vec<Def>>,
    pub imports: Vec<Import>,
}

/// A source file of the crate and the module it is.
pub struct SourceFile {
    /// Relative to the directory of the crate root (e.g. `search/mod.rs`).
    pub display: String,
    pub module: ModId,
    /// `None` when the file could not be read or parsed.
    pub ast: Option<syn::File>,
}

/// A crate's module tree.
pub struct Crate {
    pub files: Vec<SourceFile>,
    pub mods: Vec<Module>,
    /// Files that could not be found, read or parsed, as `path: message`.
    pub errors: Vec<String>,
}

/// What a resolution should end on.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Want {
    /// Code or a type: any item, a module only when nothing else has the name.
    Any,
    /// A macro invocation: `macro_rules!` macros only.
    Macro,
}

/// Guards name lookups against import loops (`use a::x` in b and `use b::x` in a).
pub type Guard = Vec<(ModId, String)>;

const MAX_DEPTH: usize = 64;

impl Crate {
    /// Loads the module tree from a crate root (`lib.rs` or `main.rs`). Problems with files
    /// end up in [`Crate::errors`]; the rest of the tree is still loaded.
    pub fn load(root: &Path) -> Crate {
        let base = root.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut loader = Loader {
            krate: Crate { files: Vec::new(), mods: Vec::new(), errors: Vec::new() },
            base,
            stack: Vec::new(),
        };
        loader.load_file(root, None, true);
        loader.krate
    }

    /// True when `viewer` is `m` or a module inside it (and so sees `m`'s private names).
    fn is_within(&self, mut viewer: ModId, m: ModId) -> bool {
        loop {
            if viewer == m {
                return true;
            }
            match self.mods[viewer].parent {
                Some(p) => viewer = p,
                None => return false,
            }
        }
    }

    fn mod_def(&self, m: ModId) -> Def {
        Def { kind: Kind::Mod(m), file: self.mods[m].file, vis: Vis::Public }
    }

    /// Every definition the name `name` has in module `m`, as seen from module `viewer`
    /// (`viewer == m` sees everything): its own items, then its imports, then (only if neither
    /// has the name) its glob imports.
    pub fn lookup(&self, m: ModId, name: &str, viewer: ModId, guard: &mut Guard) -> Vec<Def> {
        if guard.len() > MAX_DEPTH || guard.iter().any(|(gm, gn)| *gm == m && gn == name) {
            return Vec::new();
        }
        guard.push((m, name.to_string()));
        let private_ok = self.is_within(viewer, m);
        let module = &self.mods[m];
        let mut out: Vec<Def> = Vec::new();
        if let Some(defs) = module.items.get(name) {
            out.extend(defs.iter().filter(|d| private_ok || d.vis == Vis::Public).cloned());
        }
        for import in &module.imports {
            if let UseLeaf::Name { name: n, path } = &import.leaf {
                if n == name && (private_ok || import.vis == Vis::Public) {
                    for def in self.resolve_all(m, path, guard) {
                        if !out.contains(&def) {
                            out.push(def);
                        }
                    }
                }
            }
        }
        if out.is_empty() {
            for import in &module.imports {
                if let UseLeaf::Glob { path } = &import.leaf {
                    if private_ok || import.vis == Vis::Public {
                        for def in self.glob_lookup(m, path, name, guard) {
                            if !out.contains(&def) {
                                out.push(def);
                            }
                        }
                    }
                }
            }
        }
        guard.pop();
        out
    }

    /// What `name` is through the glob `use path::*;` written in module `m`.
    pub fn glob_lookup(
        &self,
        m: ModId,
        path: &[String],
        name: &str,
        guard: &mut Guard,
    ) -> Vec<Def> {
        let mut out = Vec::new();
        for target in self.resolve_all(m, path, guard) {
            match &target.kind {
                Kind::Mod(g) => out.extend(self.lookup(*g, name, m, guard)),
                Kind::Enum(variants) if variants.iter().any(|v| v == name) => {
                    out.push(Def { kind: Kind::Item, file: target.file, vis: Vis::Public })
                }
                _ => {}
            }
        }
        out
    }

    /// The definitions a path's first segment names in module `m` (`crate`, `self`, `super`
    /// or a name in scope); empty when it is unknown here (another crate, std, a prelude).
    pub fn start(&self, m: ModId, first: &str, guard: &mut Guard) -> Vec<Def> {
        match first {
            "crate" => vec![self.mod_def(0)],
            "self" => vec![self.mod_def(m)],
            "super" => self.mods[m].parent.map(|p| vec![self.mod_def(p)]).unwrap_or_default(),
            "Self" | "" => Vec::new(),
            name => self.lookup(m, name, m, guard),
        }
    }

    /// Follows `segs[1..]` from the definitions `first` of `segs[0]`, in module `m`. Returns the
    /// definition reached and how many segments led to it: the walk stops at the first
    /// segment that is not a module (what follows is a variant or an associated item, defined
    /// with it).
    pub fn walk(
        &self,
        mut cands: Vec<Def>,
        segs: &[String],
        want: Want,
        guard: &mut Guard,
    ) -> Option<(Def, usize)> {
        let mut i = 0;
        loop {
            let last = i + 1 == segs.len();
            let def = if last { pick(&cands, want)? } else { pick_module(&cands)? };
            let Kind::Mod(cm) = def.kind else {
                return Some((def, i + 1));
            };
            if last {
                return Some((def, i + 1));
            }
            i += 1;
            cands = match segs[i].as_str() {
                "super" => self.mods[cm].parent.map(|p| vec![self.mod_def(p)]).unwrap_or_default(),
                "self" => vec![def],
                name => self.lookup(cm, name, cm, guard),
            };
        }
    }

    /// Every definition a `use` path written in module `m` imports (all namespaces). A path
    /// that runs into a non-module (`use Enum::Variant`) imports something defined with it.
    pub fn resolve_all(&self, m: ModId, path: &[String], guard: &mut Guard) -> Vec<Def> {
        let Some((first, rest)) = path.split_first() else {
            return Vec::new();
        };
        let mut cands = self.start(m, first, guard);
        for (i, seg) in rest.iter().enumerate() {
            let Some(def) = pick_module(&cands) else {
                return Vec::new();
            };
            let Kind::Mod(cm) = def.kind else {
                // Into an enum or a type: the variant or associated item is defined with it.
                let last_is_enum_self = i + 1 == rest.len() && seg == "self";
                let kind = if last_is_enum_self { def.kind } else { Kind::Item };
                return vec![Def { kind, ..def }];
            };
            cands = match seg.as_str() {
                "super" => self.mods[cm].parent.map(|p| vec![self.mod_def(p)]).unwrap_or_default(),
                "self" => vec![def],
                name => self.lookup(cm, name, cm, guard),
            };
        }
        cands
    }
}

/// For a segment that is followed by more: a module, else a type the rest belongs to.
fn pick_module(cands: &[Def]) -> Option<Def> {
    cands
        .iter()
        .find(|d| matches!(d.kind, Kind::Mod(_)))
        .or_else(|| cands.iter().find(|d| d.kind != Kind::Macro))
        .cloned()
}

/// For the last segment: an item before a module of the same name (a fn `summary` in a module
/// `summary`), and only macros for a macro invocation.
fn pick(cands: &[Def], want: Want) -> Option<Def> {
    match want {
        Want::Macro => cands.iter().find(|d| d.kind == Kind::Macro).cloned(),
        Want::Any => cands
            .iter()
            .find(|d| !matches!(d.kind, Kind::Mod(_) | Kind::Macro))
            .or_else(|| cands.iter().find(|d| matches!(d.kind, Kind::Mod(_))))
            .cloned(),
    }
}

/// Flattens a `use` tree into its leaves, `prefix` being the path above `tree`.
pub fn use_leaves(tree: &syn::UseTree, prefix: &mut Vec<String>, out: &mut Vec<UseLeaf>) {
    match tree {
        syn::UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            use_leaves(&p.tree, prefix, out);
            prefix.pop();
        }
        syn::UseTree::Name(n) => push_leaf(prefix, &n.ident, None, out),
        syn::UseTree::Rename(r) => push_leaf(prefix, &r.ident, Some(&r.rename), out),
        syn::UseTree::Glob(_) => out.push(UseLeaf::Glob { path: prefix.clone() }),
        syn::UseTree::Group(g) => {
            for tree in &g.items {
                use_leaves(tree, prefix, out);
            }
        }
    }
}

fn push_leaf(
    prefix: &[String],
    ident: &syn::Ident,
    rename: Option<&syn::Ident>,
    out: &mut Vec<UseLeaf>,
) {
    let ident = ident.to_string();
    let path = if ident == "self" {
        prefix.to_vec()
    } else {
        let mut path = prefix.to_vec();
        path.push(ident);
        path
    };
    let Some(last) = path.last() else { return };
    let name = rename.map(ToString::to_string).unwrap_or_else(|| last.clone());
    out.push(UseLeaf::Name { name, path });
}

fn vis_of(vis: &syn::Visibility) -> Vis {
    match vis {
        syn::Visibility::Inherited => Vis::Private,
        _ => Vis::Public,
    }
}

/// The string of `#[path = "..."]`, if any.
fn path_attr(attrs: &[syn::Attribute]) -> Option<String> {
    attrs.iter().find_map(|attr| match &attr.meta {
        syn::Meta::NameValue(nv) if nv.path.is_ident("path") => match &nv.value {
            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => Some(s.value()),
            _ => None,
        },
        _ => None,
    })
}

/// The component a Yew `#[function_component(Name)]` (or `#[component(Name)]`) on a fn
/// defines: the one item generated by a macro that is followed, as components use each other.
fn component_name(attrs: &[syn::Attribute]) -> Option<String> {
    attrs.iter().find_map(|attr| {
        let last = attr.path().segments.last()?.ident.to_string();
        if last != "function_component" && last != "component" {
            return None;
        }
        attr.parse_args::<syn::Ident>().ok().map(|ident| ident.to_string())
    })
}

fn has_attr(attrs: &[syn::Attribute], name: &str) -> bool {
    attrs.iter().any(|attr| attr.path().is_ident(name))
}

/// Where the files of a module's `mod x;` declarations are looked for.
struct Dirs {
    /// For `mod x;`: `x.rs` or `x/mod.rs` in here.
    children: PathBuf,
    /// For `#[path = "p"] mod x;`: `p` relative to this.
    path_attr: PathBuf,
}

struct Loader {
    krate: Crate,
    base: PathBuf,
    /// Files being loaded, to refuse a module that includes itself.
    stack: Vec<PathBuf>,
}

impl Loader {
    /// Loads the file `path` as a module under `parent`; `mod_rs` for a crate root, a `mod.rs`
    /// or a file named by `#[path]` (their `mod x;` files are looked for beside them).
    fn load_file(&mut self, path: &Path, parent: Option<ModId>, mod_rs: bool) -> Option<ModId> {
        let display = relative(&self.base, path);
        if self.stack.iter().any(|p| p == path) {
            self.krate.errors.push(format!("{display}: module includes itself"));
            return None;
        }
        let source = match std::fs::read_to_string(path) {
            Ok(source) => source,
            Err(err) => {
                self.krate.errors.push(format!("{}: {err}", path.display()));
                return None;
            }
        };
        let ast = match syn::parse_file(&source) {
            Ok(ast) => Some(ast),
            Err(err) => {
                self.krate.errors.push(format!("{}: parse error: {err}", path.display()));
                None
            }
        };
        let file = self.krate.files.len();
        let m = self.krate.mods.len();
        self.krate.mods.push(Module { parent, file, items: HashMap::new(), imports: Vec::new() });
        self.krate.files.push(SourceFile { display, module: m, ast: None });
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let children = if mod_rs {
            dir.clone()
        } else {
            let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
            dir.join(stem.unwrap_or_default())
        };
        if let Some(ast) = &ast {
            self.stack.push(path.to_path_buf());
            self.collect(&ast.items, m, file, &Dirs { children, path_attr: dir });
            self.stack.pop();
        }
        self.krate.files[file].ast = ast;
        Some(m)
    }

    fn define(&mut self, m: ModId, name: String, kind: Kind, file: FileId, vis: Vis) {
        self.krate.mods[m].items.entry(name).or_default().push(Def { kind, file, vis });
    }

    /// Records what `items` (the items of module `m`, in file `file`) define and import, and
    /// loads the modules they declare.
    fn collect(&mut self, items: &[syn::Item], m: ModId, file: FileId, dirs: &Dirs) {
        for item in items {
            let (name, kind, vis) = match item {
                syn::Item::Const(i) => (&i.ident, Kind::Item, &i.vis),
                syn::Item::Static(i) => (&i.ident, Kind::Item, &i.vis),
                syn::Item::Fn(i) => {
                    if let Some(component) = component_name(&i.attrs) {
                        self.define(m, component, Kind::Item, file, vis_of(&i.vis));
                    }
                    (&i.sig.ident, Kind::Item, &i.vis)
                }
                syn::Item::Struct(i) => (&i.ident, Kind::Item, &i.vis),
                syn::Item::Union(i) => (&i.ident, Kind::Item, &i.vis),
                syn::Item::Trait(i) => (&i.ident, Kind::Item, &i.vis),
                syn::Item::TraitAlias(i) => (&i.ident, Kind::Item, &i.vis),
                syn::Item::Type(i) => (&i.ident, Kind::Item, &i.vis),
                syn::Item::Enum(i) => {
                    let variants = i.variants.iter().map(|v| v.ident.to_string()).collect();
                    (&i.ident, Kind::Enum(variants), &i.vis)
                }
                syn::Item::Macro(i) => {
                    let Some(ident) = &i.ident else { continue };
                    if has_attr(&i.attrs, "macro_export") {
                        self.define(0, ident.to_string(), Kind::Macro, file, Vis::Public);
                    }
                    self.define(m, ident.to_string(), Kind::Macro, file, Vis::Private);
                    continue;
                }
                syn::Item::ForeignMod(f) => {
                    for fi in &f.items {
                        let (ident, vis) = match fi {
                            syn::ForeignItem::Fn(i) => (&i.sig.ident, &i.vis),
                            syn::ForeignItem::Static(i) => (&i.ident, &i.vis),
                            syn::ForeignItem::Type(i) => (&i.ident, &i.vis),
                            _ => continue,
                        };
                        self.define(m, ident.to_string(), Kind::Item, file, vis_of(vis));
                    }
                    continue;
                }
                syn::Item::Use(u) => {
                    let mut leaves = Vec::new();
                    let mut prefix = Vec::new();
                    // `use ::x` names another crate; it is left out.
                    if u.leading_colon.is_none() {
                        use_leaves(&u.tree, &mut prefix, &mut leaves);
                    }
                    let vis = vis_of(&u.vis);
                    let imports = &mut self.krate.mods[m].imports;
                    imports.extend(leaves.into_iter().map(|leaf| Import { leaf, vis }));
                    continue;
                }
                syn::Item::Mod(i) => {
                    self.module(i, m, file, dirs);
                    continue;
                }
                _ => continue,
            };
            self.define(m, name.to_string(), kind, file, vis_of(vis));
        }
    }

    fn module(&mut self, item: &syn::ItemMod, m: ModId, file: FileId, dirs: &Dirs) {
        let name = item.ident.to_string();
        let vis = vis_of(&item.vis);
        let child = match &item.content {
            Some((_, items)) => {
                let child = self.krate.mods.len();
                self.krate.mods.push(Module {
                    parent: Some(m),
                    file,
                    items: HashMap::new(),
                    imports: Vec::new(),
                });
                let inner = dirs.children.join(&name);
                self.collect(
                    items,
                    child,
                    file,
                    &Dirs { children: inner.clone(), path_attr: inner },
                );
                Some(child)
            }
            None => match path_attr(&item.attrs) {
                Some(p) => self.load_file(&dirs.path_attr.join(p), Some(m), true),
                None => {
                    let flat = dirs.children.join(format!("{name}.rs"));
                    let nested = dirs.children.join(&name).join("mod.rs");
                    if flat.is_file() {
                        self.load_file(&flat, Some(m), false)
                    } else if nested.is_file() {
                        self.load_file(&nested, Some(m), true)
                    } else {
                        self.krate.errors.push(format!(
                            "{}: file not found for module `{name}` (nor {})",
                            flat.display(),
                            nested.display()
                        ));
                        None
                    }
                }
            },
        };
        if let Some(child) = child {
            let def = Def { kind: Kind::Mod(child), file: self.krate.mods[child].file, vis };
            self.krate.mods[m].items.entry(name).or_default().push(def);
        }
    }
}

/// `path` relative to `base`, with `/` separators (`../x.rs` when outside).
pub fn relative(base: &Path, path: &Path) -> String {
    let norm = |p: &Path| {
        let mut out: Vec<String> = Vec::new();
        for c in p.components() {
            match c {
                Component::CurDir => {}
                Component::ParentDir if out.last().is_some_and(|l| l != "..") => {
                    out.pop();
                }
                c => out.push(c.as_os_str().to_string_lossy().into_owned()),
            }
        }
        out
    };
    let (b, p) = (norm(base), norm(path));
    let common = b.iter().zip(&p).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = vec!["..".to_string(); b.len() - common];
    parts.extend(p[common..].iter().cloned());
    parts.join("/")
}
