package dev.sparkjdbc.jdbc.metadata;

import dev.sparkjdbc.jdbc.result.JavaRows;
import dev.sparkjdbc.proto.DataType;
import java.sql.ResultSet;
import java.util.List;

/**
 * The result-set layouts of {@code DatabaseMetaData}, column for column as the JDBC 4.3
 * specification defines them, written as {@code NAME:kind} with kinds s (VARCHAR), i (INTEGER), h
 * (SMALLINT), l (BIGINT), b (BOOLEAN).
 */
final class MetadataResults {
  static final String CATALOGS = "TABLE_CAT:s";
  static final String SCHEMAS = "TABLE_SCHEM:s,TABLE_CATALOG:s";
  static final String TABLE_TYPES = "TABLE_TYPE:s";
  static final String TABLES =
      "TABLE_CAT:s,TABLE_SCHEM:s,TABLE_NAME:s,TABLE_TYPE:s,REMARKS:s,"
          + "TYPE_CAT:s,TYPE_SCHEM:s,TYPE_NAME:s,SELF_REFERENCING_COL_NAME:s,REF_GENERATION:s";
  static final String COLUMNS =
      "TABLE_CAT:s,TABLE_SCHEM:s,TABLE_NAME:s,COLUMN_NAME:s,"
          + "DATA_TYPE:i,TYPE_NAME:s,COLUMN_SIZE:i,BUFFER_LENGTH:i,DECIMAL_DIGITS:i,NUM_PREC_RADIX:i,"
          + "NULLABLE:i,REMARKS:s,COLUMN_DEF:s,SQL_DATA_TYPE:i,SQL_DATETIME_SUB:i,CHAR_OCTET_LENGTH:i,"
          + "ORDINAL_POSITION:i,IS_NULLABLE:s,SCOPE_CATALOG:s,SCOPE_SCHEMA:s,SCOPE_TABLE:s,"
          + "SOURCE_DATA_TYPE:h,IS_AUTOINCREMENT:s,IS_GENERATEDCOLUMN:s";
  static final String TYPE_INFO =
      "TYPE_NAME:s,DATA_TYPE:i,PRECISION:i,LITERAL_PREFIX:s,"
          + "LITERAL_SUFFIX:s,CREATE_PARAMS:s,NULLABLE:h,CASE_SENSITIVE:b,SEARCHABLE:h,"
          + "UNSIGNED_ATTRIBUTE:b,FIXED_PREC_SCALE:b,AUTO_INCREMENT:b,LOCAL_TYPE_NAME:s,"
          + "MINIMUM_SCALE:h,MAXIMUM_SCALE:h,SQL_DATA_TYPE:i,SQL_DATETIME_SUB:i,NUM_PREC_RADIX:i";
  static final String FUNCTIONS =
      "FUNCTION_CAT:s,FUNCTION_SCHEM:s,FUNCTION_NAME:s,REMARKS:s,"
          + "FUNCTION_TYPE:h,SPECIFIC_NAME:s";
  static final String FUNCTION_COLUMNS =
      "FUNCTION_CAT:s,FUNCTION_SCHEM:s,FUNCTION_NAME:s,"
          + "COLUMN_NAME:s,COLUMN_TYPE:h,DATA_TYPE:i,TYPE_NAME:s,PRECISION:i,LENGTH:i,SCALE:h,"
          + "RADIX:h,NULLABLE:h,REMARKS:s,CHAR_OCTET_LENGTH:i,ORDINAL_POSITION:i,IS_NULLABLE:s,"
          + "SPECIFIC_NAME:s";
  static final String PROCEDURES =
      "PROCEDURE_CAT:s,PROCEDURE_SCHEM:s,PROCEDURE_NAME:s,"
          + "RESERVED1:s,RESERVED2:s,RESERVED3:s,REMARKS:s,PROCEDURE_TYPE:h,SPECIFIC_NAME:s";
  static final String PROCEDURE_COLUMNS =
      "PROCEDURE_CAT:s,PROCEDURE_SCHEM:s,PROCEDURE_NAME:s,"
          + "COLUMN_NAME:s,COLUMN_TYPE:h,DATA_TYPE:i,TYPE_NAME:s,PRECISION:i,LENGTH:i,SCALE:h,"
          + "RADIX:h,NULLABLE:h,REMARKS:s,COLUMN_DEF:s,SQL_DATA_TYPE:i,SQL_DATETIME_SUB:i,"
          + "CHAR_OCTET_LENGTH:i,ORDINAL_POSITION:i,IS_NULLABLE:s,SPECIFIC_NAME:s";
  static final String COLUMN_PRIVILEGES =
      "TABLE_CAT:s,TABLE_SCHEM:s,TABLE_NAME:s,"
          + "COLUMN_NAME:s,GRANTOR:s,GRANTEE:s,PRIVILEGE:s,IS_GRANTABLE:s";
  static final String TABLE_PRIVILEGES =
      "TABLE_CAT:s,TABLE_SCHEM:s,TABLE_NAME:s,GRANTOR:s," + "GRANTEE:s,PRIVILEGE:s,IS_GRANTABLE:s";
  static final String ROW_IDENTIFIER =
      "SCOPE:h,COLUMN_NAME:s,DATA_TYPE:i,TYPE_NAME:s,"
          + "COLUMN_SIZE:i,BUFFER_LENGTH:i,DECIMAL_DIGITS:h,PSEUDO_COLUMN:h";
  static final String PRIMARY_KEYS =
      "TABLE_CAT:s,TABLE_SCHEM:s,TABLE_NAME:s,COLUMN_NAME:s," + "KEY_SEQ:h,PK_NAME:s";
  static final String FOREIGN_KEYS =
      "PKTABLE_CAT:s,PKTABLE_SCHEM:s,PKTABLE_NAME:s,"
          + "PKCOLUMN_NAME:s,FKTABLE_CAT:s,FKTABLE_SCHEM:s,FKTABLE_NAME:s,FKCOLUMN_NAME:s,KEY_SEQ:h,"
          + "UPDATE_RULE:h,DELETE_RULE:h,FK_NAME:s,PK_NAME:s,DEFERRABILITY:h";
  static final String INDEX_INFO =
      "TABLE_CAT:s,TABLE_SCHEM:s,TABLE_NAME:s,NON_UNIQUE:b,"
          + "INDEX_QUALIFIER:s,INDEX_NAME:s,TYPE:h,ORDINAL_POSITION:h,COLUMN_NAME:s,ASC_OR_DESC:s,"
          + "CARDINALITY:l,PAGES:l,FILTER_CONDITION:s";
  static final String UDTS =
      "TYPE_CAT:s,TYPE_SCHEM:s,TYPE_NAME:s,CLASS_NAME:s,DATA_TYPE:i," + "REMARKS:s,BASE_TYPE:h";
  static final String SUPER_TYPES =
      "TYPE_CAT:s,TYPE_SCHEM:s,TYPE_NAME:s,SUPERTYPE_CAT:s," + "SUPERTYPE_SCHEM:s,SUPERTYPE_NAME:s";
  static final String SUPER_TABLES = "TABLE_CAT:s,TABLE_SCHEM:s,TABLE_NAME:s,SUPERTABLE_NAME:s";
  static final String ATTRIBUTES =
      "TYPE_CAT:s,TYPE_SCHEM:s,TYPE_NAME:s,ATTR_NAME:s,DATA_TYPE:i,"
          + "ATTR_TYPE_NAME:s,ATTR_SIZE:i,DECIMAL_DIGITS:i,NUM_PREC_RADIX:i,NULLABLE:i,REMARKS:s,"
          + "ATTR_DEF:s,SQL_DATA_TYPE:i,SQL_DATETIME_SUB:i,CHAR_OCTET_LENGTH:i,ORDINAL_POSITION:i,"
          + "IS_NULLABLE:s,SCOPE_CATALOG:s,SCOPE_SCHEMA:s,SCOPE_TABLE:s,SOURCE_DATA_TYPE:h";
  static final String PSEUDO_COLUMNS =
      "TABLE_CAT:s,TABLE_SCHEM:s,TABLE_NAME:s,COLUMN_NAME:s,"
          + "DATA_TYPE:i,COLUMN_SIZE:i,DECIMAL_DIGITS:i,NUM_PREC_RADIX:i,COLUMN_USAGE:s,REMARKS:s,"
          + "CHAR_OCTET_LENGTH:i,IS_NULLABLE:s";
  static final String CLIENT_INFO = "NAME:s,MAX_LEN:i,DEFAULT_VALUE:s,DESCRIPTION:s";

  private MetadataResults() {}

  /** A result set of the given layout holding these rows (values as Integer, Short, …). */
  static ResultSet of(String layout, List<Object[]> rows) {
    String[] columns = layout.split(",");
    String[] labels = new String[columns.length];
    DataType[] types = new DataType[columns.length];
    for (int i = 0; i < columns.length; i++) {
      String[] nameAndKind = columns[i].split(":");
      labels[i] = nameAndKind[0];
      types[i] = kind(nameAndKind[1]);
    }
    return JavaRows.resultSet(labels, types, rows);
  }

  static ResultSet empty(String layout) {
    return of(layout, List.of());
  }

  private static DataType kind(String kind) {
    DataType.Builder b = DataType.newBuilder();
    return switch (kind) {
      case "i" -> b.setInteger(DataType.Integer.getDefaultInstance()).build();
      case "h" -> b.setShort(DataType.Short.getDefaultInstance()).build();
      case "l" -> b.setLong(DataType.Long.getDefaultInstance()).build();
      case "b" -> b.setBoolean(DataType.Boolean.getDefaultInstance()).build();
      default -> b.setString(DataType.String.getDefaultInstance()).build();
    };
  }
}
