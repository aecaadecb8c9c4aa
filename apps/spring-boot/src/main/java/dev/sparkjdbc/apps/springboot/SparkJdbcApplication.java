package dev.sparkjdbc.apps.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application as a user would write one on the driver: the DataSource (a HikariCP
 * pool), JdbcClient and the transaction manager all come from Boot's auto-configuration and the
 * {@code application.properties} in the working directory; no Java code configures them.
 */
@SpringBootApplication
public class SparkJdbcApplication {
  public static void main(String[] args) {
    SpringApplication.run(SparkJdbcApplication.class, args);
  }
}
