//! Statement arguments and column values, the types both databases share:
//! 64-bit integers, booleans, text and bytes (and NULL).

use postgres::types::{IsNull, ToSql, Type, to_sql_checked};
use rusqlite::types::{ToSqlOutput, ValueRef};

use super::{Error, Result};

/// One statement argument, borrowed from the caller.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    Null,
    Int(i64),
    Bool(bool),
    Text(&'a str),
    Bytes(&'a [u8]),
}

/// A value that can be passed as an [`Arg`] (see the `args!` macro).
pub trait ToArg {
    fn to_arg(&self) -> Arg<'_>;
}

macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl ToArg for $t {
            fn to_arg(&self) -> Arg<'_> {
                Arg::Int(i64::from(*self))
            }
        }
    )*};
}
int_arg!(i64, i32, u16, u32);

impl ToArg for bool {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Bool(*self)
    }
}

impl ToArg for str {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Text(self)
    }
}

impl ToArg for String {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Text(self)
    }
}

impl ToArg for [u8] {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Bytes(self)
    }
}

impl ToArg for Vec<u8> {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Bytes(self)
    }
}

impl<T: ToArg + ?Sized> ToArg for &T {
    fn to_arg(&self) -> Arg<'_> {
        (**self).to_arg()
    }
}

impl<T: ToArg> ToArg for Option<T> {
    fn to_arg(&self) -> Arg<'_> {
        self.as_ref().map_or(Arg::Null, ToArg::to_arg)
    }
}

impl rusqlite::ToSql for Arg<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match *self {
            Arg::Null => ValueRef::Null,
            Arg::Int(v) => ValueRef::Integer(v),
            Arg::Bool(b) => ValueRef::Integer(i64::from(b)),
            Arg::Text(s) => ValueRef::Text(s.as_bytes()),
            Arg::Bytes(b) => ValueRef::Blob(b),
        }))
    }
}

type BoxError = Box<dyn std::error::Error + Sync + Send>;

impl ToSql for Arg<'_> {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut bytes::BytesMut,
    ) -> std::result::Result<IsNull, BoxError> {
        match *self {
            Arg::Null => Ok(IsNull::Yes),
            Arg::Int(v) => match *ty {
                Type::INT8 => v.to_sql(ty, out),
                Type::INT4 => i32::try_from(v)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(v)?.to_sql(ty, out),
                Type::BOOL => (v != 0).to_sql(ty, out),
                _ => Err(format!("an integer cannot be stored as {ty}").into()),
            },
            Arg::Bool(b) => match *ty {
                Type::BOOL => b.to_sql(ty, out),
                _ => i64::from(b).to_sql(ty, out),
            },
            Arg::Text(s) => s.to_sql(ty, out),
            Arg::Bytes(b) => b.to_sql(ty, out),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

/// A column value read back as a Rust type.
pub trait Column: Sized {
    fn from_sqlite(row: &rusqlite::Row<'_>, i: usize) -> Result<Self>;
    fn from_pg(row: &postgres::Row, i: usize) -> Result<Self>;
}

/// An integer column of PostgreSQL, whatever its width.
fn pg_int(row: &postgres::Row, i: usize) -> Result<Option<i64>> {
    let ty = row
        .columns()
        .get(i)
        .map(|c| c.type_().clone())
        .ok_or_else(|| Error::Value(i, "no such column".into()))?;
    Ok(match ty {
        Type::INT8 => row.try_get::<_, Option<i64>>(i)?,
        Type::INT4 => row.try_get::<_, Option<i32>>(i)?.map(i64::from),
        Type::INT2 => row.try_get::<_, Option<i16>>(i)?.map(i64::from),
        Type::BOOL => row.try_get::<_, Option<bool>>(i)?.map(i64::from),
        other => return Err(Error::Value(i, format!("{other} is not an integer"))),
    })
}

fn required<T>(i: usize, v: Option<T>) -> Result<T> {
    v.ok_or_else(|| Error::Value(i, "unexpected NULL".into()))
}

impl Column for Option<i64> {
    fn from_sqlite(row: &rusqlite::Row<'_>, i: usize) -> Result<Self> {
        Ok(row.get(i)?)
    }
    fn from_pg(row: &postgres::Row, i: usize) -> Result<Self> {
        pg_int(row, i)
    }
}

impl Column for i64 {
    fn from_sqlite(row: &rusqlite::Row<'_>, i: usize) -> Result<Self> {
        Ok(row.get(i)?)
    }
    fn from_pg(row: &postgres::Row, i: usize) -> Result<Self> {
        required(i, pg_int(row, i)?)
    }
}

macro_rules! narrow_int_column {
    ($($t:ty),*) => {$(
        impl Column for $t {
            fn from_sqlite(row: &rusqlite::Row<'_>, i: usize) -> Result<Self> {
                Ok(row.get(i)?)
            }
            fn from_pg(row: &postgres::Row, i: usize) -> Result<Self> {
                let v = i64::from_pg(row, i)?;
                <$t>::try_from(v).map_err(|e| Error::Value(i, e.to_string()))
            }
        }
    )*};
}
narrow_int_column!(u16, u32);

impl Column for bool {
    fn from_sqlite(row: &rusqlite::Row<'_>, i: usize) -> Result<Self> {
        Ok(row.get(i)?)
    }
    fn from_pg(row: &postgres::Row, i: usize) -> Result<Self> {
        Ok(i64::from_pg(row, i)? != 0)
    }
}

impl Column for Option<String> {
    fn from_sqlite(row: &rusqlite::Row<'_>, i: usize) -> Result<Self> {
        Ok(row.get(i)?)
    }
    fn from_pg(row: &postgres::Row, i: usize) -> Result<Self> {
        Ok(row.try_get(i)?)
    }
}

impl Column for String {
    fn from_sqlite(row: &rusqlite::Row<'_>, i: usize) -> Result<Self> {
        Ok(row.get(i)?)
    }
    fn from_pg(row: &postgres::Row, i: usize) -> Result<Self> {
        Ok(row.try_get(i)?)
    }
}

impl Column for Vec<u8> {
    fn from_sqlite(row: &rusqlite::Row<'_>, i: usize) -> Result<Self> {
        Ok(row.get(i)?)
    }
    fn from_pg(row: &postgres::Row, i: usize) -> Result<Self> {
        Ok(row.try_get(i)?)
    }
}
