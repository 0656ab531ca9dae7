package org.diminet.server.json;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.function.Function;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.L2Params;
import org.diminet.core.domain.L3Params;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.RouteTarget;
import org.diminet.core.domain.ServiceParams;

/**
 * Teaches Jackson the core's value types without putting annotations in the core: single-value
 * records travel as plain strings ({@code "RegionOne"}, {@code "10.0.0.0/24"}), and the sealed
 * {@link ServiceParams} carries a {@code kind} discriminator.
 */
public final class DomainJsonModule extends SimpleModule {

    public DomainJsonModule() {
        super("diminet-domain");
        asString(GlobalId.class, GlobalId::parse);
        asString(Region.class, Region::new);
        asString(NetworkId.class, NetworkId::new);
        asString(Cidr.class, Cidr::new);
        asString(RouteTarget.class, RouteTarget::new);
        addKeyDeserializer(Region.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext ctxt) {
                return new Region(key);
            }
        });
        setMixInAnnotation(ServiceParams.class, ServiceParamsMixin.class);
    }

    private <T> void asString(Class<T> type, Function<String, T> parser) {
        addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.toString());
            }
        });
        addDeserializer(type, new JsonDeserializer<T>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return parser.apply(p.getValueAsString());
            }
        });
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = L2Params.class, name = "L2"),
        @JsonSubTypes.Type(value = L3Params.class, name = "L3")
    })
    private interface ServiceParamsMixin {
    }
}
