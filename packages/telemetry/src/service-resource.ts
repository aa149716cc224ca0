/**
 * The resource every span and metric is exported with: the SDK's own attributes
 * (`telemetry.sdk.*`), then `service.name` (the bin's name) and `service.version`, then what
 * `OTEL_RESOURCE_ATTRIBUTES` and `OTEL_SERVICE_NAME` say, which win (the latter over the former).
 */
import { defaultResource, detectResources, envDetector, type Resource, resourceFromAttributes } from '@opentelemetry/resources';

/** The service's resource; `serviceName` is used unless the environment names the service. */
export function serviceResource(serviceName: string, serviceVersion?: string): Resource {
  return defaultResource()
    .merge(
      resourceFromAttributes({
        'service.name': serviceName,
        ...(serviceVersion !== undefined && { 'service.version': serviceVersion }),
      }),
    )
    .merge(detectResources({ detectors: [envDetector] }));
}
