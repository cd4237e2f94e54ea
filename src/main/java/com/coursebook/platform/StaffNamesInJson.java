package com.coursebook.platform;

import java.util.List;

import com.coursebook.shared.StaffLogin;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.ValueSerializerModifier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The API's edge for people's names: every field marked {@link StaffLogin} is written as the person's display name
 * (through the request's {@link Words}, one query for all the names of a response), exactly as the screens show it.
 * Outside a web request there is no reader, and the value is written as stored.
 */
@Component
class StaffNamesInJson extends SimpleModule {

    private static final long serialVersionUID = 1L;

    StaffNamesInJson(ObjectProvider<Words> words) {
        super("coursebook-staff-names");
        setSerializerModifier(new ValueSerializerModifier() {

            private static final long serialVersionUID = 1L;

            @Override
            public List<BeanPropertyWriter> changeProperties(SerializationConfig config,
                    BeanDescription.Supplier description, List<BeanPropertyWriter> properties) {
                for (BeanPropertyWriter property : properties) {
                    if (property.getAnnotation(StaffLogin.class) != null) {
                        property.assignSerializer(new DisplayName(words));
                    }
                }
                return properties;
            }
        });
    }

    private static final class DisplayName extends ValueSerializer<Object> {

        private final transient ObjectProvider<Words> words;

        DisplayName(ObjectProvider<Words> words) {
            this.words = words;
        }

        @Override
        public void serialize(Object value, JsonGenerator generator, SerializationContext context) {
            String login = String.valueOf(value);
            generator.writeString(RequestContextHolder.getRequestAttributes() == null ? login
                    : words.getObject().staff(login));
        }
    }
}
