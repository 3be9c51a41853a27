//! [`Shared`]: an `Rc` that props and state compare by pointer.

use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

/// A value shared by reference whose equality is identity: two `Shared` are equal when they
/// point at the same value.
///
/// Yew compares a component's props on every render of its parent to decide whether to render
/// it again, and a reducer's state to decide whether its users changed. For a loaded form, a
/// catalog, a search index or one question of a page, comparing contents would be wrong or
/// costly: `FormModel` and `Catalog` are not `PartialEq`, and `Field` is not `Eq`, so `Rc`'s own
/// comparison would walk two questions' contents on every keystroke. These values are made
/// once (when loaded, or when the citizen arrives on a page) and shared from then on, so the
/// same value is the same pointer; a new pointer means a new value, and a render.
pub struct Shared<T: ?Sized>(Rc<T>);

impl<T> Shared<T> {
    /// Shares `value`.
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }
}

impl<T: ?Sized> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: ?Sized> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T: ?Sized> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: ?Sized> AsRef<T> for Shared<T> {
    fn as_ref(&self) -> &T {
        &self.0
    }
}

impl<T: ?Sized> From<Rc<T>> for Shared<T> {
    fn from(rc: Rc<T>) -> Self {
        Shared(rc)
    }
}

impl<T> From<T> for Shared<T> {
    fn from(value: T) -> Self {
        Shared::new(value)
    }
}

impl<T: Default> Default for Shared<T> {
    fn default() -> Self {
        Shared::new(T::default())
    }
}

impl<T: ?Sized + fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Props take an `Rc` where they want a `Shared` (`model={Rc::new(model)}`).
impl<T: ?Sized> yew::html::IntoPropValue<Shared<T>> for Rc<T> {
    fn into_prop_value(self) -> Shared<T> {
        Shared(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_means_the_same_value_not_equal_contents() {
        let one = Shared::new(String::from("a"));
        assert_eq!(one, one.clone());
        assert_ne!(one, Shared::new(String::from("a")));
        assert_eq!(one.len(), 1, "reads through to the value");
    }
}
