package io.clix.spring;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Spring Cloud AWS-style {@code spring.cloud.aws.*} properties {@link ClixAutoConfiguration}
 * builds the {@code SfnClient} and {@code DynamoDbClient} from when the application has none of its
 * own (nor their async twins): region, endpoint (shared or per service) and static credentials.
 * Whatever is unset falls back to the SDK's default region and credentials providers. The same
 * names as Spring Cloud AWS, so one set of properties serves both.
 */
@ConfigurationProperties(prefix = "spring.cloud.aws")
public class ClixAwsClientProperties {

  /** Endpoint of every AWS service client, unless a service sets its own (a local stack, say). */
  private URI endpoint;

  private final Region region = new Region();

  private final Credentials credentials = new Credentials();

  private final Service dynamodb = new Service();

  private final Service sfn = new Service();

  public URI getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(URI endpoint) {
    this.endpoint = endpoint;
  }

  public Region getRegion() {
    return region;
  }

  public Credentials getCredentials() {
    return credentials;
  }

  /** The DynamoDB client's own options ({@code spring.cloud.aws.dynamodb.*}). */
  public Service getDynamodb() {
    return dynamodb;
  }

  /** The Step Functions client's own options ({@code spring.cloud.aws.sfn.*}). */
  public Service getSfn() {
    return sfn;
  }

  /** The region ({@code spring.cloud.aws.region.static}); unset, the SDK's default region provider chain. */
  public static class Region {

    private String staticRegion;

    /** The region every client uses, e.g. eu-west-1. */
    public String getStatic() {
      return staticRegion;
    }

    public void setStatic(String staticRegion) {
      this.staticRegion = staticRegion;
    }
  }

  /** Static credentials; unset, the SDK's default credentials provider chain. */
  public static class Credentials {

    /** The access key id of static credentials (needs secret-key too). */
    private String accessKey;

    /** The secret access key of static credentials (needs access-key too). */
    private String secretKey;

    public String getAccessKey() {
      return accessKey;
    }

    public void setAccessKey(String accessKey) {
      this.accessKey = accessKey;
    }

    public String getSecretKey() {
      return secretKey;
    }

    public void setSecretKey(String secretKey) {
      this.secretKey = secretKey;
    }

    @Override
    public String toString() {
      return "Credentials[accessKey=" + accessKey + ", secretKey=" + (secretKey == null ? null : "***") + "]";
    }
  }

  /** One service's options. */
  public static class Service {

    /** Endpoint of this service's client; wins over spring.cloud.aws.endpoint. */
    private URI endpoint;

    public URI getEndpoint() {
      return endpoint;
    }

    public void setEndpoint(URI endpoint) {
      this.endpoint = endpoint;
    }
  }
}
